import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';

/** Header blocks of a Netlify / Cloudflare `_headers` file: path pattern → header name → value. */
function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const blocks = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      blocks.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(':');
    if (!current || colon < 0) throw new Error(`stray line in _headers: ${line}`);
    current.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return blocks;
}

describe('hosting', () => {
  it('sends the same cross-origin isolation headers from _headers as from the dev and preview servers', () => {
    const blocks = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
    const everywhere = blocks.get('/*');
    expect(everywhere).toBeDefined();
    const expected = viteConfig.preview?.headers as Record<string, string>;
    expect(Object.keys(expected)).toEqual([
      'Cross-Origin-Opener-Policy',
      'Cross-Origin-Embedder-Policy',
    ]);
    for (const [name, value] of Object.entries(expected)) expect(everywhere!.get(name)).toBe(value);
    expect(viteConfig.server?.headers).toEqual(expected);
  });

  it('builds with relative asset URLs, so the site works from any sub-path', () => {
    expect(viteConfig.base).toBe('./');
  });
});
