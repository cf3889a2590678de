import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import {
  HEADER_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from './src/lib/content-security-policy';

/**
 * Cross-origin isolation lets the tfjs WASM backend use threads (SharedArrayBuffer). Hosts that can set headers
 * get the same through public/_headers; on hosts that cannot (GitHub Pages) the app runs single-threaded.
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The built index.html carries the Content-Security-Policy as its first element, so that it holds on hosts that
 * set no headers. Only in the build: the dev server injects an inline React Refresh preamble and talks to its
 * HMR socket, both of which the policy forbids.
 */
const contentSecurityPolicyMeta: Plugin = {
  name: 'content-security-policy-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

export default defineConfig({
  // Relative asset URLs, so that the built site works from any path on any static host.
  base: './',
  plugins: [react(), contentSecurityPolicyMeta],
  worker: { format: 'es' },
  server: { headers: crossOriginIsolation },
  // The preview serves the build as a header-setting host does (public/_headers), policy included.
  preview: {
    headers: { ...crossOriginIsolation, 'Content-Security-Policy': HEADER_CONTENT_SECURITY_POLICY },
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
});
