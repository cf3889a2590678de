/**
 * Writes the bundled sample into public/sample/: the ratings in the Netflix Prize format and the titles in
 * Latin-1, both gzipped, and the planted genres (for checking clusters). `npm run sample`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  encodeLatin1,
  generateSample,
  netflixRatingsText,
  netflixTitlesText,
} from './generate-sample';

export const SAMPLE_DIR = join(import.meta.dirname, '../../public/sample');

const sample = generateSample();
mkdirSync(SAMPLE_DIR, { recursive: true });
const ratings = Buffer.from([...netflixRatingsText(sample)].join(''), 'latin1');
writeFileSync(join(SAMPLE_DIR, 'sample_ratings.txt.gz'), gzipSync(ratings, { level: 9 }));
writeFileSync(
  join(SAMPLE_DIR, 'sample_movie_titles.csv.gz'),
  gzipSync(encodeLatin1(netflixTitlesText(sample)), { level: 9 }),
);
const truth = {
  seed: sample.options.seed,
  genres: sample.genres,
  movieGenre: sample.movies.map((m) => m.genre),
};
writeFileSync(join(SAMPLE_DIR, 'sample_genres.json'), `${JSON.stringify(truth)}\n`);
console.log(
  `wrote ${sample.user.length.toLocaleString('en-US')} ratings by ${sample.options.users} users on ${sample.options.movies} movies ` +
    `(${(ratings.length / 1e6).toFixed(1)} MB, ${SAMPLE_DIR})`,
);
