import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The engine harness, built apart from the app so that the app's dist/ ships no test page.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: { outDir: fileURLToPath(new URL('../../.tmp/harness', import.meta.url)), emptyOutDir: true },
  preview: { port: 4174, strictPort: true },
  server: { fs: { allow: ['../..'] } },
});
