import { writeFileSync } from 'node:fs';
import { generateSample, netflixRatingsText } from '../../scripts/sample/generate-sample';

/**
 * A larger stand-in for the Netflix data from the sample generator: 20,000 users × 4,000 movies, about 3
 * million ratings, so that its top 10,000 users × 2,000 movies is the report's subset size. Written in the
 * Netflix format so that it is loaded exactly as the CLI loads files.
 */
export function writeGeneratedRatings(path: string): void {
  const sample = generateSample({ seed: 7, users: 20_000, movies: 4_000, meanRatingsPerUser: 150 });
  writeFileSync(path, [...netflixRatingsText(sample)].join(''));
  console.error(`generated ${sample.user.length} ratings into ${path}`);
}
