import { defineConfig } from 'vite';

// dist/embed.js: the `<kl-lab>` element as one ES module, built after the app into the same folder
// so that it finds the lab beside itself. No hash: pages link to it by name.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    lib: { entry: 'src/embed/embedScript.ts', formats: ['es'], fileName: () => 'embed.js' },
  },
});
