import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the bench:gpu page into bench/data/gpu-browser (ignored by git). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../data/gpu-browser', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
  },
});
