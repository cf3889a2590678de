/**
 * The benchmark's own split of a loaded dataset by a `probe.txt` (blocks of `MovieID:` then one CustomerID a
 * line): training ratings are every rating not in the probe, held-out ratings the probe's. Only for the
 * benchmark's MF epoch, before the Prize stage's own probe reader is merged.
 */
import { readFileSync } from 'node:fs';
import type { RatingSet } from '../../src/stages/baselines/compute/rating-set';
import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';

/** Customer ids stay below 2²², so movie · 2²² + customer is a unique, exact key. */
const CUSTOMER_SPAN = 1 << 22;

export function readProbeKeys(path: string): Set<number> {
  const keys = new Set<number>();
  let movie = -1;
  readFileSync(path, 'latin1')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '') return;
      if (line.endsWith(':')) movie = Number(line.slice(0, -1));
      else if (movie < 0 || !/^\d+$/.test(line) || Number(line) >= CUSTOMER_SPAN)
        throw new Error(
          `${path} line ${index + 1}: expected a customer id after a MovieID: header`,
        );
      else keys.add(movie * CUSTOMER_SPAN + Number(line));
    });
  return keys;
}

function emptySet(count: number): RatingSet {
  return {
    count,
    user: new Uint32Array(count),
    movie: new Uint32Array(count),
    day: new Uint16Array(count),
    rating: new Float32Array(count),
  };
}

/** Training and probe rating sets, each in table order. */
export function splitByProbe(
  data: RatingsData,
  probe: Set<number>,
): { train: RatingSet; probe: RatingSet } {
  const { table, userIds, movieIds } = data;
  if (userIds.kind !== 'int' || movieIds.kind !== 'int')
    throw new Error('the probe split needs integer customer and movie ids');
  const n = table.user.length;
  const inProbe = new Uint8Array(n);
  let held = 0;
  for (let r = 0; r < n; r++) {
    if (probe.has(movieIds.ids[table.movie[r]] * CUSTOMER_SPAN + userIds.ids[table.user[r]])) {
      inProbe[r] = 1;
      held++;
    }
  }
  const sets = { train: emptySet(n - held), probe: emptySet(held) };
  const at = { train: 0, probe: 0 };
  for (let r = 0; r < n; r++) {
    const side = inProbe[r] ? 'probe' : 'train';
    const set = sets[side];
    const k = at[side]++;
    set.user[k] = table.user[r];
    set.movie[k] = table.movie[r];
    set.day[k] = table.day[r];
    set.rating[k] = table.ratingValues[table.code[r]];
  }
  return sets;
}
