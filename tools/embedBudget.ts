import { gzipSync } from 'node:zlib';

/**
 * What dist/embed.js may weigh and hold: host pages load it on every page view, the lab inside the
 * frame brings React and TF.js itself.
 */
export const EMBED_BUDGET_BYTES = 10 * 1024;

// Names the libraries' code carries even minified (package names, React's element tags).
const LIBRARY_MARKS = /react|tensorflow|tfjs|recharts|katex/i;

export function gzippedBytes(code: string): number {
  return gzipSync(code, { level: 9 }).length;
}

/** The library names the code mentions, so a test can say which one crept in. */
export function librariesMentioned(code: string): string[] {
  return [...new Set([...code.matchAll(new RegExp(LIBRARY_MARKS, 'gi'))].map((m) => m[0].toLowerCase()))];
}
