import { createRng } from '../../../lib/rng';
import type { RankingResult } from '../contract';
import type { PrizeScorer } from './model-scorer';
import type { PrizeData } from './prize-data';

export interface RankingOptions {
  data: PrizeData;
  scorer: PrizeScorer;
  /** List length (10 for Recall@10 and NDCG@10). */
  k?: number;
  /**
   * At most this many held-out users are ranked, drawn without replacement with `seed` (every one when there
   * are fewer). Ranking costs movies × f per user: 17,770 movies × 480,000 users at f = 50 is ~4·10^11
   * multiply-adds, hours in one thread, so a sample of 10,000 (about 10 s at f = 50) is the default.
   */
  maxUsers?: number;
  seed?: number;
}

/**
 * Recall@k, NDCG@k and catalogue coverage of a model's top-k lists. For each ranked user: candidates are all
 * movies the user has no training rating for; they are ordered by the model's unclipped score on the day of
 * the user's latest held-out rating (ties: lower movie index first); relevant items are all the user's
 * held-out movies, whatever their rating. Recall = hits / relevant; NDCG = Σ_hits 1/log2(rank + 1) over the
 * ideal Σ_{r ≤ min(k, relevant)} 1/log2(r + 1). Both are averaged over the ranked users; coverage is the
 * distinct movies in all lists over the catalogue. The same users (same seed) serve every model.
 */
export function rankingMetrics(options: RankingOptions): RankingResult {
  const { data, scorer } = options;
  const k = options.k ?? 10;
  const users = sampleHeldOutUsers(data, options.maxUsers ?? 10_000, options.seed ?? 7);
  const scores = new Float32Array(data.movies);
  /** u + 1 where movie i is rated in training by u (excluded) — or −(u + 1) where it is held out. */
  const mark = new Int32Array(data.movies);
  const listed = new Uint8Array(data.movies);
  const top = new Int32Array(k);
  const topScore = new Float32Array(k);
  const { table, train, heldOut } = data;
  let recallSum = 0;
  let ndcgSum = 0;
  for (let n = 0; n < users.length; n++) {
    const u = users[n];
    for (let r = train.start[u]; r < train.start[u + 1]; r++) mark[train.entry[r] >>> 8] = u + 1;
    let relevant = 0;
    let day = 0;
    for (let r = heldOut.start[u]; r < heldOut.start[u + 1]; r++) {
      const row = heldOut.rows[r];
      if (mark[table.movie[row]] !== -(u + 1)) relevant++;
      mark[table.movie[row]] = -(u + 1);
      if (table.day[row] > day) day = table.day[row];
    }
    scorer.begin(u);
    scorer.scoreMovies(day, scores);
    let size = 0;
    for (let i = 0; i < data.movies; i++) {
      if (mark[i] === u + 1) continue;
      const s = scores[i];
      if (size === k && !(s > topScore[k - 1])) continue;
      let at = size < k ? size++ : k - 1;
      while (at > 0 && s > topScore[at - 1]) {
        top[at] = top[at - 1];
        topScore[at] = topScore[at - 1];
        at--;
      }
      top[at] = i;
      topScore[at] = s;
    }
    let hits = 0;
    let dcg = 0;
    for (let r = 0; r < size; r++) {
      listed[top[r]] = 1;
      if (mark[top[r]] === -(u + 1)) {
        hits++;
        dcg += 1 / Math.log2(r + 2);
      }
    }
    let ideal = 0;
    for (let r = 0; r < Math.min(k, relevant); r++) ideal += 1 / Math.log2(r + 2);
    recallSum += hits / relevant;
    ndcgSum += dcg / ideal;
  }
  let distinct = 0;
  for (let i = 0; i < data.movies; i++) distinct += listed[i];
  const ranked = users.length;
  return {
    users: ranked,
    k,
    recall: ranked > 0 ? recallSum / ranked : NaN,
    ndcg: ranked > 0 ? ndcgSum / ranked : NaN,
    coverage: data.movies > 0 ? distinct / data.movies : NaN,
  };
}

/**
 * Users with at least one held-out rating; at most `maxUsers` of them, drawn with a seeded partial
 * Fisher–Yates shuffle, returned in ascending order.
 */
export function sampleHeldOutUsers(data: PrizeData, maxUsers: number, seed: number): Uint32Array {
  const { start } = data.heldOut;
  const eligible: number[] = [];
  for (let u = 0; u < data.users; u++) if (start[u + 1] > start[u]) eligible.push(u);
  if (eligible.length > maxUsers) {
    const rng = createRng(seed);
    for (let j = 0; j < maxUsers; j++) {
      const pick = j + rng.int(eligible.length - j);
      [eligible[j], eligible[pick]] = [eligible[pick], eligible[j]];
    }
    eligible.length = maxUsers;
  }
  return Uint32Array.from(eligible).sort();
}
