import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import {
  DEFAULT_SAMPLE_OPTIONS,
  generateSample,
  netflixRatingsText,
  type SampleOptions,
} from '../../scripts/sample/generate-sample';

/** ~200 MB of ratings in the Netflix Prize format (≈ 9.5 million ratings), made by the sample generator. */
export const BENCH_SAMPLE: SampleOptions = {
  ...DEFAULT_SAMPLE_OPTIONS,
  seed: 7,
  users: 110_000,
  movies: 4_000,
  meanRatingsPerUser: 90,
};

/** Writes the benchmark file once; later runs reuse it. */
export async function ensureBenchFile(
  path: string,
  options: SampleOptions = BENCH_SAMPLE,
): Promise<number> {
  if (existsSync(path)) return statSync(path).size;
  const sample = generateSample(options);
  const out = createWriteStream(path, { encoding: 'latin1' });
  for (const block of netflixRatingsText(sample)) {
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}
