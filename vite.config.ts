import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Cross-origin isolation lets the tfjs WASM backend use threads (SharedArrayBuffer). Hosts that can set headers
 * get the same through public/_headers; on hosts that cannot (GitHub Pages) the app runs single-threaded.
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative asset URLs, so that the built site works from any path on any static host.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
});
