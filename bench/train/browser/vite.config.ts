import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the training-benchmark page into bench/data/train-browser (ignored by git). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../data/train-browser', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
  },
});
