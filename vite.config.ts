import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs, so the built folder works from any path (embedding, file servers).
  base: './',
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
});
