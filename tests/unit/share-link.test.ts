import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/rng';
import { CURRENT_LINK_VERSION } from '../../src/stages/notebook/compute/link-migrations';
import { NOTEBOOK_CELLS } from '../../src/app/cells';
import { PARAM_CATALOG as CLI_PARAM_CATALOG } from '../../src/stages/notebook/compute/param-catalog';
import { installNotebook, linkCatalog } from '../../src/app/state/notebook';
import type { ParamDomain } from '../../src/lib/param-codec';
import {
  encodeLink,
  parseLink,
  type LinkCatalog,
  type LinkState,
} from '../../src/stages/notebook/compute/share-link';

installNotebook(NOTEBOOK_CELLS);
/** Every parameter of the notebook's cells, as its share links carry them. */
const PARAM_CATALOG = linkCatalog().params;
const CELLS = ['data', 'subset', 'explore', 'tune'] as const;
const catalog: LinkCatalog = { params: PARAM_CATALOG, cells: CELLS };

/** Valid values of a domain: its edges, its middle and seeded random draws, awkward floats included. */
function valuesOf(domain: ParamDomain, seed: number): unknown[] {
  const rng = createRng(seed);
  switch (domain.kind) {
    case 'int': {
      const draws = Array.from(
        { length: 5 },
        () => domain.min + rng.int(domain.max - domain.min + 1),
      );
      return [domain.min, domain.max, Math.floor((domain.min + domain.max) / 2), ...draws];
    }
    case 'float': {
      const draws = Array.from(
        { length: 8 },
        () => domain.min + rng.next() * (domain.max - domain.min),
      );
      const awkward = [0.1 + 0.2, 1 / 3, 3.3e-4, 0.07059800000000001].filter(
        (x) => x >= domain.min && x <= domain.max,
      );
      return [domain.min, domain.max, ...awkward, ...draws];
    }
    case 'choice':
      return [...domain.values];
    case 'choice-list':
      return [[...domain.values], [domain.values[0]], [...domain.values].reverse().slice(0, 2)];
  }
}

const state = (overrides: Partial<LinkState> = {}): LinkState => ({
  seed: 42,
  source: { kind: 'sample' },
  params: new Map(),
  run: [],
  ...overrides,
});

describe('share links', () => {
  it('have unique, well-formed keys for every registered parameter', () => {
    const keys = PARAM_CATALOG.map((spec) => spec.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('subset.users');
    expect(keys).toContain('subset.movies');
  });

  it.each(PARAM_CATALOG.map((spec, i) => [spec.key, spec, i] as const))(
    'round-trip %s for every kind of valid value',
    (_key, spec, i) => {
      for (const value of valuesOf(spec.codec.domain, 100 + i)) {
        const hash = encodeLink(state({ params: new Map([[spec.key, value]]) }), catalog);
        const parsed = parseLink(`#${hash}`, catalog);
        expect(parsed.warnings).toEqual([]);
        expect(parsed.params.get(spec.key)).toEqual(value);
      }
    },
  );

  it('round-trip every parameter at once, the seed, the run list and uploaded file names', () => {
    const params = new Map(
      PARAM_CATALOG.map((spec, i) => [spec.key, valuesOf(spec.codec.domain, i).at(-1)]),
    );
    const files = ['ratings, part 1.csv', 'mv_0000001.txt', 'títulos & más #2.csv', '100%.gz'];
    const original = state({
      seed: 4_294_967_295,
      source: { kind: 'upload', files },
      params,
      run: ['subset', 'data', 'tune'],
    });
    const parsed = parseLink(encodeLink(original, catalog), catalog);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.present).toBe(true);
    expect(parsed.version).toBe(CURRENT_LINK_VERSION);
    expect(parsed.seed).toBe(4_294_967_295);
    expect(parsed.source).toEqual({ kind: 'upload', files });
    expect(parsed.params).toEqual(params);
    expect(parsed.run).toEqual(['data', 'subset', 'tune']); // pipeline order
  });

  it('read as a person would write them', () => {
    const hash = encodeLink(
      state({
        params: new Map<string, unknown>([
          ['subset.movies', 200],
          ['subset.users', 1000],
        ]),
        run: ['data', 'subset'],
      }),
      catalog,
    );
    expect(hash).toBe(
      'v=1&seed=42&data=sample&subset.users=1000&subset.movies=200&run=data,subset',
    );
  });

  it('open version-0 links (before versioning) through the migration', () => {
    const sample = parseLink('#u=1000&m=200&seed=7&sample', catalog);
    expect(sample.version).toBe(0);
    expect(sample.warnings).toEqual([]);
    expect(sample.seed).toBe(7);
    expect(sample.source).toEqual({ kind: 'sample' });
    expect(sample.params).toEqual(
      new Map([
        ['subset.users', 1000],
        ['subset.movies', 200],
      ]),
    );

    const upload = parseLink('#files=ratings%2C%201.csv|movie_titles.csv&u=5&zoom=2', catalog);
    expect(upload.source).toEqual({
      kind: 'upload',
      files: ['ratings, 1.csv', 'movie_titles.csv'],
    });
    expect(upload.params.get('subset.users')).toBe(5);
    expect(upload.warnings).toEqual([
      "The old link's “zoom” is not known any more and was left out.",
    ]);
  });

  it('keep what they can from bad or newer links, and say what they left out', () => {
    const parsed = parseLink(
      '#v=9&seed=-1&data=ftp:x&subset.users=0&subset.movies=12&tune.activations=gelu,tanh&colour=red&run=data,cluster&%E0%A4%A=1',
      catalog,
    );
    expect(parsed.params).toEqual(new Map([['subset.movies', 12]]));
    expect(parsed.source).toBeNull();
    expect(parsed.seed).toBeNull();
    expect(parsed.run).toEqual(['data']);
    expect(parsed.warnings).toEqual([
      '“%E0%A4%A=1” is not properly encoded and was left out.',
      'This link was made by a newer Prize Lab (link version 9); what this version knows is used.',
      'The seed is not used: -1 is outside 0–4294967295.',
      'The data source “ftp:x” is not understood; the sample is used.',
      'Top users u is not used: 0 is outside 1–10000000.',
      'Final activations is not used: “tanh” is not one of gelu, selu, swish, relu, sigmoid-scaled, linear.',
      'The parameter “colour” is not known here and was left out.',
      'There is no cell “cluster” to run.',
    ]);
  });

  it('carry the fresh flag in either spelling, and an empty hash is no link', () => {
    expect(parseLink('#fresh', catalog)).toMatchObject({ fresh: true, present: false });
    expect(parseLink('#v=1&data=sample&fresh=1', catalog)).toMatchObject({
      fresh: true,
      present: true,
      source: { kind: 'sample' },
    });
    expect(parseLink('#v=1&fresh=0', catalog).fresh).toBe(false);
    expect(parseLink('', catalog)).toMatchObject({ present: false, fresh: false, warnings: [] });
  });
});

describe('the parameter catalog of the command line and the export', () => {
  it('is the cells’ own parameters, in the order links write them', () => {
    expect(CLI_PARAM_CATALOG.map((spec) => spec.key)).toEqual(
      PARAM_CATALOG.map((spec) => spec.key),
    );
  });
});
