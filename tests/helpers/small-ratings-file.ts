import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateSample,
  netflixRatingsText,
  type SampleOptions,
} from '../../scripts/sample/generate-sample';

/**
 * The sample generator's ratings, small, written in the Netflix Prize format to a temporary folder, for CLI
 * tests: the bundled sample takes seconds to parse on a busy machine, this a few milliseconds.
 */
export function writeSmallRatingsFile(options: Partial<SampleOptions> = {}): string {
  const sample = generateSample({
    seed: 11,
    users: 120,
    movies: 50,
    meanRatingsPerUser: 40,
    ...options,
  });
  const path = join(mkdtempSync(join(tmpdir(), 'prize-lab-cli-')), 'combined_data_1.txt');
  writeFileSync(path, [...netflixRatingsText(sample)].join(''), 'latin1');
  return path;
}
