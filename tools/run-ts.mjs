// Runs a TypeScript entry point in Node: `node tools/run-ts.mjs tools/parity.ts ARGS…`.
// TF.js's ESM build (the only one that ships gradient definitions) uses extensionless imports that
// Node's own loader rejects, so the entry is bundled by esbuild first, resolving packages the way
// Vite does (the "module" field).
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
const outfile = resolve('.tmp', `${basename(entry, '.ts')}.mjs`);
mkdirSync('.tmp', { recursive: true });
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  packages: 'bundle',
  external: ['playwright-core', '@playwright/test', 'vite', 'esbuild'],
  // CommonJS names some bundled packages use (TF.js's WASM backend finds its files with __dirname).
  banner: {
    js: [
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      'const __filename = __fileURLToPath(import.meta.url);',
      "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
    ].join(' '),
  },
  logLevel: 'error',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
