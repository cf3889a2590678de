import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { civilFromDay } from '../../src/lib/days';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import {
  DEFAULT_SAMPLE_OPTIONS,
  FIRST_DAY,
  LAST_DAY,
  TARGET_STAR_SHARES,
  encodeLatin1,
  generateSample,
  netflixRatingsText,
  netflixTitlesText,
} from '../../scripts/sample/generate-sample';
import { memorySource, testSettings } from '../helpers/memory-source';

const sample = generateSample();
const ratingsText = [...netflixRatingsText(sample)].join('');
const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('the bundled sample generator', () => {
  it('is deterministic for a seed, and the seed matters', () => {
    const small = { ...DEFAULT_SAMPLE_OPTIONS, users: 300, movies: 80 };
    const a = [...netflixRatingsText(generateSample(small))].join('');
    const b = [...netflixRatingsText(generateSample(small))].join('');
    const c = [...netflixRatingsText(generateSample({ ...small, seed: small.seed + 1 }))].join('');
    expect(sha(a)).toBe(sha(b));
    expect(sha(a)).not.toBe(sha(c));
  });

  it('is what public/sample holds (run `npm run sample` after changing the generator)', () => {
    const committedRatings = gunzipSync(
      readFileSync(new URL('../../public/sample/sample_ratings.txt.gz', import.meta.url)),
    );
    const committedTitles = gunzipSync(
      readFileSync(new URL('../../public/sample/sample_movie_titles.csv.gz', import.meta.url)),
    );
    expect(sha(committedRatings)).toBe(sha(Buffer.from(ratingsText, 'latin1')));
    expect(sha(committedTitles)).toBe(sha(encodeLatin1(netflixTitlesText(sample))));
    const truth = JSON.parse(
      readFileSync(new URL('../../public/sample/sample_genres.json', import.meta.url), 'utf8'),
    );
    expect(truth.movieGenre).toEqual(sample.movies.map((m) => m.genre));
  });

  it('matches the real data’s star shares and mean', () => {
    const counts = [0, 0, 0, 0, 0];
    sample.stars.forEach((s) => counts[s - 1]++);
    const n = sample.stars.length;
    counts.forEach((c, i) => expect(Math.abs(c / n - TARGET_STAR_SHARES[i])).toBeLessThan(0.005));
    const mean = sample.stars.reduce((sum, s) => sum + s, 0) / n;
    expect(mean).toBeGreaterThan(3.55);
    expect(mean).toBeLessThan(3.65);
  });

  it('spans 1999-11-11 … 2005-12-31 with activity growing every year', () => {
    const perYear = new Map<number, number>();
    for (const day of sample.day) {
      expect(day).toBeGreaterThanOrEqual(FIRST_DAY);
      expect(day).toBeLessThanOrEqual(LAST_DAY);
      const { year } = civilFromDay(day);
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    for (let year = 2001; year <= 2005; year++)
      expect(perYear.get(year)!).toBeGreaterThan(perYear.get(year - 1)!);
  });

  it('has heavy-tailed ratings per user and per movie', () => {
    const perUser = new Array(sample.options.users).fill(0);
    const perMovie = new Array(sample.options.movies).fill(0);
    sample.user.forEach((u) => perUser[u]++);
    sample.movie.forEach((m) => perMovie[m]++);
    expect(Math.max(...perUser) / median(perUser)).toBeGreaterThan(5);
    expect(Math.max(...perMovie) / median(perMovie)).toBeGreaterThan(5);
    expect(sample.stars.length).toBeGreaterThan(250_000);
    expect(sample.stars.length).toBeLessThan(500_000);
  });

  it('names movies with years and genre words, some with commas, NULL years and Latin-1 letters', () => {
    const titles = sample.movies.map((m) => m.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.some((t) => t.includes(','))).toBe(true);
    expect(titles.some((t) => /[é]/.test(t))).toBe(true);
    expect(sample.movies.some((m) => m.year === null)).toBe(true);
    expect(new Set(sample.movies.map((m) => m.genre)).size).toBe(sample.genres.length);
  });

  it('reads back through the project’s own parsers exactly', async () => {
    const { data, report } = await loadRatingFiles(
      [
        memorySource('sample_ratings.txt', Buffer.from(ratingsText, 'latin1')),
        memorySource('titles.csv', encodeLatin1(netflixTitlesText(sample))),
      ],
      testSettings(),
    );
    expect(report.skippedLines).toBe(0);
    expect(data!.table.user.length).toBe(sample.stars.length);
    expect(data!.movies.filter((m) => m !== null).length).toBe(sample.options.movies);
    expect(data!.movies.find((m) => m?.title.includes('é'))).toBeTruthy();
  });
});
