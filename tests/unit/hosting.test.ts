import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  HEADER_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from '../../src/lib/content-security-policy';
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
      'Content-Security-Policy',
    ]);
    for (const [name, value] of Object.entries(expected)) expect(everywhere!.get(name)).toBe(value);
    // The dev server isolates too, but sends no policy (its inline React Refresh preamble would be refused).
    const { 'Content-Security-Policy': policy, ...isolation } = expected;
    expect(policy).toBe(HEADER_CONTENT_SECURITY_POLICY);
    expect(viteConfig.server?.headers).toEqual(isolation);
  });

  it('puts the policy in the built page too, without the header-only frame-ancestors', async () => {
    const plugin = (viteConfig.plugins ?? []).find(
      (p) => p && typeof p === 'object' && 'name' in p && p.name === 'content-security-policy-meta',
    ) as { apply?: string; transformIndexHtml?: () => { attrs: Record<string, string> }[] };
    expect(plugin.apply).toBe('build');
    const [tag] = plugin.transformIndexHtml!();
    expect(tag.attrs).toEqual({
      'http-equiv': 'Content-Security-Policy',
      content: META_CONTENT_SECURITY_POLICY,
    });
    // The header differs only where a header must: blob: scripts for the wasm threads (workers have no meta),
    // and frame-ancestors, which a meta policy cannot carry.
    const directives = (policy: string) =>
      new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]));
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    const header = directives(HEADER_CONTENT_SECURITY_POLICY);
    expect(header.get('script-src')).toBe(`${meta.get('script-src')} blob:`);
    expect(header.get('frame-ancestors')).toBe("'none'");
    expect(meta.has('frame-ancestors')).toBe(false);
    for (const [name, sources] of meta)
      if (name !== 'script-src') expect(header.get(name)).toBe(sources);
    expect(meta.get('default-src')).toBe("'none'");
    expect(meta.get('connect-src')).toBe("'self'");
  });

  it('builds with relative asset URLs, so the site works from any sub-path', () => {
    expect(viteConfig.base).toBe('./');
  });
});
