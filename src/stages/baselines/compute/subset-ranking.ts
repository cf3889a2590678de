import { createRng } from '../../../lib/rng';
import type { RatingModel } from './rating-model';
import type { RatingSet, RatingSplitSets } from './rating-set';

/** Top-k ranking quality of a model on the split's test users. */
export interface SubsetRanking {
  /** Users ranked (test users with a test movie they did not rate in training or validation). */
  users: number;
  k: number;
  recall: number;
  ndcg: number;
  /** Distinct movies in all top-k lists over the catalogue. */
  coverage: number;
  /** Movies that can be recommended: those with at least one training rating. */
  catalogue: number;
}

export interface SubsetRankingOptions {
  k?: number;
  /** At most this many test users are ranked, drawn with `seed`; the same users serve every model. */
  maxUsers?: number;
  seed?: number;
}

const UNBOUNDED = { min: -Infinity, max: Infinity };

/**
 * Recall@k, NDCG@k and coverage on the split's test labels, by the protocol of the Prize models cell: for each
 * ranked user, the candidates are the catalogue's movies the user has no training or validation rating for,
 * ordered by the model's unclipped score on the day of the user's latest test rating (ties: lower movie index
 * first); the relevant movies are the user's test movies, whatever their rating. Recall = hits / relevant
 * (relevant ≥ 1); NDCG = Σ_hits 1/log2(rank + 1) over the ideal Σ_{r ≤ min(k, relevant)} 1/log2(r + 1).
 */
export function rankTestUsers(
  model: RatingModel,
  sets: RatingSplitSets,
  options: SubsetRankingOptions = {},
): SubsetRanking {
  const k = options.k ?? 10;
  const catalogue = catalogueOf(sets.train, sets.movies);
  const byUser = {
    seen: [groupByUser(sets.train, sets.users), groupByUser(sets.validation, sets.users)],
    test: groupByUser(sets.test, sets.users),
  };
  const users = sampleUsers(byUser.test, options.maxUsers ?? 2000, options.seed ?? 7);
  /** u + 1 where the user has seen the movie; −(u + 1) where it is one of the user's test movies. */
  const mark = new Int32Array(sets.movies);
  const listed = new Uint8Array(sets.movies);
  const candidates: RatingSet = {
    count: catalogue.length,
    user: new Uint32Array(catalogue.length),
    movie: catalogue,
    day: new Uint16Array(catalogue.length),
    rating: new Float32Array(catalogue.length),
  };
  const top = new Int32Array(k);
  const topScore = new Float64Array(k);
  let ranked = 0;
  let recallSum = 0;
  let ndcgSum = 0;
  for (const u of users) {
    for (const group of byUser.seen)
      for (let r = group.start[u]; r < group.start[u + 1]; r++)
        mark[group.set.movie[group.rows[r]]] = u + 1;
    let relevant = 0;
    let day = 0;
    const { test } = byUser;
    for (let r = test.start[u]; r < test.start[u + 1]; r++) {
      const row = test.rows[r];
      const movie = test.set.movie[row];
      if (mark[movie] !== u + 1 && mark[movie] !== -(u + 1)) {
        mark[movie] = -(u + 1);
        relevant++;
      }
      day = Math.max(day, test.set.day[row]);
    }
    if (relevant === 0) continue;
    candidates.user.fill(u);
    candidates.day.fill(day);
    const scores = model.predict(candidates, UNBOUNDED);
    let size = 0;
    for (let c = 0; c < catalogue.length; c++) {
      if (mark[catalogue[c]] === u + 1) continue;
      const s = scores[c];
      if (size === k && !(s > topScore[k - 1])) continue;
      let at = size < k ? size++ : k - 1;
      while (at > 0 && s > topScore[at - 1]) {
        top[at] = top[at - 1];
        topScore[at] = topScore[at - 1];
        at--;
      }
      top[at] = catalogue[c];
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
    ranked++;
  }
  let distinct = 0;
  for (const movie of catalogue) distinct += listed[movie];
  return {
    users: ranked,
    k,
    recall: ranked > 0 ? recallSum / ranked : NaN,
    ndcg: ranked > 0 ? ndcgSum / ranked : NaN,
    coverage: catalogue.length > 0 ? distinct / catalogue.length : NaN,
    catalogue: catalogue.length,
  };
}

/** Movies with at least one training rating, ascending. */
function catalogueOf(train: RatingSet, movies: number): Uint32Array {
  const rated = new Uint8Array(movies);
  for (let r = 0; r < train.count; r++) rated[train.movie[r]] = 1;
  const list: number[] = [];
  for (let i = 0; i < movies; i++) if (rated[i]) list.push(i);
  return Uint32Array.from(list);
}

/** A set's rows grouped by user (a counting sort): rows[start[u] … start[u + 1]) are user u's. */
function groupByUser(set: RatingSet, users: number) {
  const start = new Uint32Array(users + 1);
  for (let r = 0; r < set.count; r++) start[set.user[r] + 1]++;
  for (let u = 0; u < users; u++) start[u + 1] += start[u];
  const next = start.slice(0, users);
  const rows = new Uint32Array(set.count);
  for (let r = 0; r < set.count; r++) rows[next[set.user[r]]++] = r;
  return { set, start, rows };
}

/** Users with a test rating; at most `maxUsers`, by a seeded partial shuffle, in ascending order. */
function sampleUsers(
  test: ReturnType<typeof groupByUser>,
  maxUsers: number,
  seed: number,
): Uint32Array {
  const eligible: number[] = [];
  for (let u = 0; u + 1 < test.start.length; u++)
    if (test.start[u + 1] > test.start[u]) eligible.push(u);
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
