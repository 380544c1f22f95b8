/**
 * What index.html shows before the app starts, in English: written into the page at build time
 * (tools/bootMessage.ts) and seen only when the app never starts, as when dist/index.html is
 * opened as a file. {preview} and {build} become the commands, in code type.
 */
export const boot = {
  'boot.file.heading': 'KL Lab cannot start from a file',
  'boot.file.reason':
    'This page must be served over HTTP, not opened as a file: browsers do not run its scripts from a file.',
  'boot.file.howto': 'Run {preview} in the project folder (after {build}) and open the address it prints.',
};
