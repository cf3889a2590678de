import { CURRENT_LINK_VERSION, migrateLinkPairs, type LinkPairs } from './link-migrations';
import { intCodec, type ParamSpec } from '../../../lib/param-codec';

/**
 * The share-link format: everything needed to rebuild the notebook, in the URL's hash (never sent to a
 * server), e.g. `#v=1&seed=42&data=sample&subset.users=1000&subset.movies=200&run=data,subset`.
 * Data never travels in a link: for uploaded files only their names do (`data=upload:a.csv,b.csv`).
 */

/** Where the ratings come from. File names are percent-encoded in the link, so commas in names are safe. */
export type LinkSource = { kind: 'sample' } | { kind: 'upload'; files: string[] };

export interface LinkState {
  seed: number;
  source: LinkSource;
  /** Parameter values by key; absent keys mean "the cell's default". */
  params: ReadonlyMap<string, unknown>;
  /** Cells to run when the link is opened, in pipeline order. */
  run: readonly string[];
}

export interface LinkCatalog {
  /** Every registered parameter, in the order they are written. */
  params: readonly ParamSpec[];
  /** Every cell id, in pipeline order. */
  cells: readonly string[];
}

export interface ParsedLink {
  /** False for an empty hash: there is nothing to restore. */
  present: boolean;
  /** The version the link was written in. */
  version: number;
  seed: number | null;
  source: LinkSource | null;
  params: Map<string, unknown>;
  run: string[];
  /** `#fresh` or `fresh=1`: start without reading or writing browser storage. */
  fresh: boolean;
  /** What could not be used, one sentence each, for the person to see. */
  warnings: string[];
}

export const SEED_CODEC = intCodec(0, 4_294_967_295);

/** Percent-encodes a value but leaves `,` and `:` readable; both are legal in a fragment. */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':');
}

function encodeSource(source: LinkSource): string {
  return source.kind === 'sample'
    ? 'sample'
    : `upload:${source.files.map((name) => encodeURIComponent(name)).join(',')}`;
}

/** The hash for a notebook state, without the leading `#`. */
export function encodeLink(state: LinkState, catalog: LinkCatalog): string {
  const parts = [
    `v=${CURRENT_LINK_VERSION}`,
    `seed=${SEED_CODEC.encode(state.seed)}`,
    `data=${encodeSource(state.source)}`,
  ];
  for (const spec of catalog.params) {
    if (!state.params.has(spec.key)) continue;
    parts.push(`${spec.key}=${encodeValue(spec.codec.encode(state.params.get(spec.key)))}`);
  }
  const run = catalog.cells.filter((cell) => state.run.includes(cell));
  if (run.length > 0) parts.push(`run=${run.join(',')}`);
  return parts.join('&');
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Splits a hash into raw pairs. `data` keeps its percent-encoding: its file names are decoded one by one. */
function splitPairs(hash: string, warnings: string[]): LinkPairs {
  const pairs: LinkPairs = new Map();
  for (const part of hash.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    const value = key === 'data' ? raw : safeDecode(raw);
    if (key === null || value === null) {
      warnings.push(`“${part}” is not properly encoded and was left out.`);
      continue;
    }
    pairs.set(key, value);
  }
  return pairs;
}

function decodeSource(text: string, warnings: string[]): LinkSource | null {
  if (text === 'sample') return { kind: 'sample' };
  if (text.startsWith('upload:')) {
    const files = text
      .slice('upload:'.length)
      .split(',')
      .map(safeDecode)
      .filter((name): name is string => !!name);
    if (files.length > 0) return { kind: 'upload', files };
  }
  warnings.push(
    `The data source “${safeDecode(text) ?? text}” is not understood; the sample is used.`,
  );
  return null;
}

/** Reads a hash (with or without its `#`), migrating old versions and checking every value. */
export function parseLink(hash: string, catalog: LinkCatalog): ParsedLink {
  const warnings: string[] = [];
  const pairs = splitPairs(hash.replace(/^#/, ''), warnings);
  const fresh = pairs.has('fresh') && pairs.get('fresh') !== '0';
  pairs.delete('fresh');
  const parsed: ParsedLink = {
    present: pairs.size > 0,
    version: CURRENT_LINK_VERSION,
    seed: null,
    source: null,
    params: new Map(),
    run: [],
    fresh,
    warnings,
  };
  if (!parsed.present) return parsed;

  const versionText = pairs.get('v');
  pairs.delete('v');
  const version = versionText === undefined ? 0 : Number(versionText);
  if (!Number.isInteger(version) || version < 0) {
    warnings.push(
      `The link version “${versionText}” is not understood; reading it as the current one.`,
    );
  } else {
    parsed.version = version;
    if (version > CURRENT_LINK_VERSION)
      warnings.push(
        `This link was made by a newer Prize Lab (link version ${version}); what this version knows is used.`,
      );
  }
  const current = migrateLinkPairs(pairs, parsed.version, warnings);

  const specs = new Map(catalog.params.map((spec) => [spec.key, spec]));
  for (const [key, value] of current) {
    if (key === 'seed') {
      const seed = SEED_CODEC.decode(value);
      if (seed.ok) parsed.seed = seed.value;
      else warnings.push(`The seed is not used: ${seed.problem}.`);
    } else if (key === 'data') {
      parsed.source = decodeSource(value, warnings);
    } else if (key === 'run') {
      const names = value.split(',').filter(Boolean);
      for (const name of names)
        if (!catalog.cells.includes(name)) warnings.push(`There is no cell “${name}” to run.`);
      parsed.run = catalog.cells.filter((cell) => names.includes(cell));
    } else {
      const spec = specs.get(key);
      if (!spec) {
        warnings.push(`The parameter “${key}” is not known here and was left out.`);
        continue;
      }
      const decoded = spec.codec.decode(value);
      if (decoded.ok) parsed.params.set(key, decoded.value);
      else warnings.push(`${spec.label} is not used: ${decoded.problem}.`);
    }
  }
  return parsed;
}
