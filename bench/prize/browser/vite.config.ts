import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the Prize benchmark's loading page into bench/data/prize-browser (ignored by git). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../data/prize-browser', import.meta.url)),
    emptyOutDir: true,
  },
});
