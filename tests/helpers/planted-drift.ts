import { createRng } from '../../src/lib/rng';
import type { RatingsTable } from '../../src/stages/ingest/compute/ratings-table';

export interface PlantedDriftOptions {
  users: number;
  movies: number;
  ratingsPerUser: number;
  seed: number;
}

/**
 * Ratings on a 1–5 star scale with every effect the Prize models tell apart, planted: user and movie biases;
 * latent tastes in 4 clusters, where users mostly rate movies of their own cluster (so *which* movies a user
 * rated says something, which SVD++ uses); movie biases that drift linearly over the 1,000-day period, a
 * user bias that drifts as α_u dev_u(t), and a bias per user and day (the time-aware models' terms). Each user
 * rates on 6 days spread over the period. Seeded: the same options give the same table.
 */
export function plantedDriftTable(options: PlantedDriftOptions): RatingsTable {
  const { users, movies, ratingsPerUser } = options;
  const rng = createRng(options.seed);
  const k = 4;
  const firstDay = 12000;
  const period = 1000;
  const centre = (c: number) => Array.from({ length: k }, (_, j) => (j === c ? 1.2 : -0.2));
  const movieCluster = Array.from({ length: movies }, (_, i) => i % k);
  const q = movieCluster.map((c) => centre(c).map((x) => x + rng.normal() * 0.25));
  const movieBias = Array.from({ length: movies }, () => rng.normal() * 0.35);
  const movieSlope = Array.from({ length: movies }, () => rng.normal() * 0.5);
  const byCluster = Array.from({ length: k }, (_, c) =>
    movieCluster.flatMap((m, i) => (m === c ? [i] : [])),
  );

  const count = users * ratingsPerUser;
  const table: RatingsTable = {
    user: new Uint32Array(count),
    movie: new Uint32Array(count),
    code: new Uint8Array(count),
    day: new Uint16Array(count),
    ratingValues: Float32Array.of(1, 2, 3, 4, 5),
  };
  let row = 0;
  for (let u = 0; u < users; u++) {
    const cluster = u % k;
    const p = centre(cluster).map((x) => x + rng.normal() * 0.25);
    const bias = rng.normal() * 0.3;
    const drift = rng.normal() * 0.03;
    const days = Array.from({ length: 6 }, () => firstDay + rng.int(period)).sort((a, b) => a - b);
    const dayBias = days.map(() => rng.normal() * 0.25);
    const meanDay = days.reduce((a, b) => a + b, 0) / days.length;
    const seen = new Set<number>();
    for (let n = 0; n < ratingsPerUser; n++) {
      let i: number;
      do {
        const pool = rng.next() < 0.8 ? byCluster[cluster] : byCluster[rng.int(k)];
        i = pool[rng.int(pool.length)];
      } while (seen.has(i));
      seen.add(i);
      const s = rng.int(days.length);
      const t = days[s];
      const d = t - meanDay;
      const dev = Math.sign(d) * Math.pow(Math.abs(d), 0.4);
      let value = 2.9 + bias + drift * dev + dayBias[s] + movieBias[i];
      value += movieSlope[i] * ((t - firstDay) / period - 0.5);
      for (let j = 0; j < k; j++) value += 0.6 * p[j] * q[i][j];
      value += rng.normal() * 0.3;
      const stars = Math.min(5, Math.max(1, Math.round(value)));
      table.user[row] = u;
      table.movie[row] = i;
      table.code[row] = stars - 1;
      table.day[row] = t;
      row++;
    }
  }
  return table;
}
