import { describe, expect, it } from 'vitest';
import type { RatingsTable } from '../../src/stages/ingest/compute/ratings-table';
import { PrizeScorer } from '../../src/stages/prize/compute/model-scorer';
import { allocateModel } from '../../src/stages/prize/compute/model-state';
import { buildPrizeData } from '../../src/stages/prize/compute/prize-data';
import { korenPreset } from '../../src/stages/prize/compute/prize-presets';
import { rankingMetrics, sampleHeldOutUsers } from '../../src/stages/prize/compute/ranking';

/** Rows as [user, movie, held out?]; 3 users, 6 movies, every rating 3 stars on day 100. */
const ROWS: [number, number, boolean][] = [
  [0, 0, false],
  [0, 2, true],
  [0, 4, true],
  [1, 1, false],
  [1, 2, false],
  [1, 0, true],
  [2, 5, false],
];

function fixture() {
  const table: RatingsTable = {
    user: Uint32Array.from(ROWS, (r) => r[0]),
    movie: Uint32Array.from(ROWS, (r) => r[1]),
    code: new Uint8Array(ROWS.length).fill(2),
    day: new Uint16Array(ROWS.length).fill(100),
    ratingValues: Float32Array.of(1, 2, 3, 4, 5),
  };
  const role = Uint8Array.from(ROWS, (r) => (r[2] ? 1 : 0));
  const data = buildPrizeData(table, 3, 6, {
    protocol: 'last-9',
    role,
    trainRatings: 4,
    heldOutRatings: 3,
    probePairsNotFound: 0,
  });
  const state = allocateModel(korenPreset('bias'), data);
  // Scores fall with the movie index; movies 3 and 4 tie, and the tie goes to the lower index.
  state.movieBias.set([0.6, 0.5, 0.4, 0.25, 0.25, 0.1]);
  state.userBias.set([2, -1, 0]); // the same for every movie of a user: no effect on the order
  return { data, scorer: new PrizeScorer(state, data) };
}

describe('Recall@k, NDCG@k and coverage', () => {
  it('match lists computed by hand', () => {
    const { data, scorer } = fixture();
    // User 0: trained on 0; candidates 1–5; top 3 = [1, 2, 3]; held out {2, 4}: one hit at rank 2.
    //   recall 1/2; NDCG = (1/log2 3) / (1 + 1/log2 3).
    // User 1: trained on 1, 2; candidates 0, 3, 4, 5; top 3 = [0, 3, 4]; held out {0}: hit at rank 1.
    //   recall 1; NDCG 1. User 2 has nothing held out and is not ranked.
    const result = rankingMetrics({ data, scorer, k: 3 });
    const ndcg0 = 1 / Math.log2(3) / (1 + 1 / Math.log2(3));
    expect(result.users).toBe(2);
    expect(result.recall).toBeCloseTo((0.5 + 1) / 2, 12);
    expect(result.ndcg).toBeCloseTo((ndcg0 + 1) / 2, 12);
    // Lists {1, 2, 3} and {0, 3, 4}: 5 of 6 movies.
    expect(result.coverage).toBeCloseTo(5 / 6, 12);
  });

  it('ranks a seeded sample of at most maxUsers held-out users, the same for the same seed', () => {
    const { data, scorer } = fixture();
    const a = Array.from(sampleHeldOutUsers(data, 1, 5));
    expect(a).toHaveLength(1);
    expect([0, 1]).toContain(a[0]);
    expect(Array.from(sampleHeldOutUsers(data, 1, 5))).toEqual(a);
    expect(Array.from(sampleHeldOutUsers(data, 10, 5))).toEqual([0, 1]);
    expect(rankingMetrics({ data, scorer, k: 3, maxUsers: 1, seed: 5 }).users).toBe(1);
  });
});
