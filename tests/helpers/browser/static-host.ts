import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { allowOrigin } from './guard';
import type { PreviewServer } from './harness';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.gz': 'application/gzip',
};

/**
 * Serves dist/ under `basePath` the way a plain static host does (GitHub Pages): files with a content type
 * and nothing else, in particular no COOP/COEP headers, so the page is not cross-origin isolated.
 */
export async function startStaticHost(basePath = '/demo/prize-lab/'): Promise<PreviewServer> {
  const root = normalize('dist');
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(basePath)) {
      response.writeHead(404).end();
      return;
    }
    let file = normalize(join(root, path.slice(basePath.length)));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}${basePath}`;
  allowOrigin(url);
  return {
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
