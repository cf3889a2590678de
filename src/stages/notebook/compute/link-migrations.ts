/**
 * Old share links keep opening: each migration rewrites the raw key/value pairs of one link version into the
 * next, and a link is walked up from its own version to the current one before it is read.
 */

/** Raw pairs of a link after percent-decoding, in their order. */
export type LinkPairs = Map<string, string>;

export interface LinkMigration {
  /** The version this migration reads; it produces version `from + 1`. */
  from: number;
  migrate(pairs: LinkPairs, warnings: string[]): LinkPairs;
}

/**
 * Version 0 is the unversioned format of the first prototype: `#u=1000&m=200&seed=7&sample`, or
 * `&files=a.txt|b.txt` for uploaded files. Version 1 names keys by cell and adds `v`, `data` and `run`.
 */
const v0ToV1: LinkMigration = {
  from: 0,
  migrate(pairs, warnings) {
    const out: LinkPairs = new Map();
    for (const [key, value] of pairs) {
      switch (key) {
        case 'u':
          out.set('subset.users', value);
          break;
        case 'm':
          out.set('subset.movies', value);
          break;
        case 'seed':
          out.set('seed', value);
          break;
        case 'sample':
          out.set('data', 'sample');
          break;
        case 'files':
          out.set('data', `upload:${value.split('|').map(encodeURIComponent).join(',')}`);
          break;
        default:
          warnings.push(`The old link's “${key}” is not known any more and was left out.`);
      }
    }
    return out;
  },
};

export const LINK_MIGRATIONS: readonly LinkMigration[] = [v0ToV1];

export const CURRENT_LINK_VERSION = LINK_MIGRATIONS.length;

/** Rewrites `pairs` of link version `version` into the current version. */
export function migrateLinkPairs(pairs: LinkPairs, version: number, warnings: string[]): LinkPairs {
  let current = pairs;
  for (const migration of LINK_MIGRATIONS) {
    if (migration.from >= version) current = migration.migrate(current, warnings);
  }
  return current;
}
