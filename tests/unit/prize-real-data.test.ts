import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../src/cli/node-sources';
import { BadLineLog } from '../../src/stages/ingest/compute/bad-lines';
import { idAt, idCount } from '../../src/stages/ingest/compute/id-index';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';
import { korenPreset } from '../../src/stages/prize/compute/prize-presets';
import { readPairList } from '../../src/stages/prize/compute/read-pair-list';
import { preparePrizeProtocol, runPrizeModels } from '../../src/stages/prize/compute/run-prize';
import { hasSharedData, sharedPath } from '../helpers/shared-data';
import { memorySource, testSettings } from '../helpers/memory-source';

const present = hasSharedData('the Prize protocol on real data');

async function load(paths: string[]): Promise<RatingsData> {
  const { data } = await loadRatingFiles(paths.map(fileSource), testSettings());
  return data!;
}

/** A probe file in the Prize's format: each user's latest rating (same-day ties: the later row). */
function lastRatingProbe(data: RatingsData): { text: string; pairs: number } {
  const { user, movie, day } = data.table;
  const latest = new Int32Array(idCount(data.userIds)).fill(-1);
  for (let r = 0; r < user.length; r++) {
    const best = latest[user[r]];
    if (best < 0 || day[r] >= day[best]) latest[user[r]] = r;
  }
  const byMovie = new Map<number, string[]>();
  for (const r of latest) {
    const list = byMovie.get(movie[r]) ?? [];
    list.push(idAt(data.userIds, user[r]));
    byMovie.set(movie[r], list);
  }
  const text = [...byMovie]
    .map(([m, customers]) => `${idAt(data.movieIds, m)}:\n${customers.join('\n')}\n`)
    .join('');
  return { text, pairs: latest.length };
}

describe.runIf(present)('the Prize protocol on the real Netflix files (30 movies)', () => {
  it('holds out each user’s last rating read from a probe file and the models beat the mean', async () => {
    const dir = sharedPath('netflix/combined_data');
    const data = await load(readdirSync(dir).map((f) => `${dir}/${f}`));
    const probe = lastRatingProbe(data);
    const pairs = await readPairList({
      source: memorySource('probe.txt', probe.text),
      kind: 'probe',
      data,
      badLines: new BadLineLog(),
    });
    expect(pairs.count).toBe(probe.pairs);
    const prepared = preparePrizeProtocol({
      table: data.table,
      users: idCount(data.userIds),
      movies: idCount(data.movieIds),
      probe: pairs,
    });
    expect(prepared.protocol).toBe('probe');
    expect(prepared.probePairsNotFound).toBe(0);
    // One rating per user held out (the files have no user rating a movie twice).
    expect(prepared.heldOutRatings).toBe(probe.pairs);
    expect(prepared.trainRatings).toBe(data.table.user.length - probe.pairs);
    const rows = await runPrizeModels({
      prepared,
      models: (['mean', 'bias', 'timebias', 'mf'] as const).map((kind) => ({
        ...korenPreset(kind, 10),
        epochs: 8,
      })),
      rankUsers: 2000,
    });
    const [mean, ...models] = rows;
    for (const row of models) expect(row.heldOutRmse).toBeLessThan(mean.heldOutRmse - 0.03);
    for (const row of rows) {
      expect(row.ranking!.users).toBe(2000);
      expect(row.ranking!.recall).toBeGreaterThan(0);
      expect(row.ranking!.ndcg).toBeLessThanOrEqual(1);
    }
  });
});

describe.runIf(present)('the last-9 protocol on MovieLens ml-latest-small', () => {
  it('holds out min(9, floor(n / 2)) ratings per user and the models beat the mean', async () => {
    const data = await load([sharedPath('movielens/ml-latest-small/ratings.csv')]);
    const users = idCount(data.userIds);
    const perUser = new Uint32Array(users);
    for (const u of data.table.user) perUser[u]++;
    const expected = perUser.reduce((sum, n) => sum + Math.min(9, Math.floor(n / 2)), 0);
    const prepared = preparePrizeProtocol({
      table: data.table,
      users,
      movies: idCount(data.movieIds),
    });
    expect(prepared.protocol).toBe('last-9');
    expect(prepared.heldOutRatings).toBe(expected);
    expect(prepared.heldOutRatings).toBe(users * 9); // every MovieLens user has at least 20 ratings
    const rows = await runPrizeModels({
      prepared,
      models: (['mean', 'bias', 'timebias', 'svdpp'] as const).map((kind) => ({
        ...korenPreset(kind, 10),
        epochs: 8,
      })),
      rankUsers: 200,
    });
    const [mean, ...models] = rows;
    for (const row of models) expect(row.heldOutRmse).toBeLessThan(mean.heldOutRmse - 0.02);
  });
});
