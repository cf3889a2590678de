import { describe, expect, it } from 'vitest';
import { BadLineLog, describeBadLine } from '../../src/stages/ingest/compute/bad-lines';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';
import { FileRefusedError } from '../../src/stages/ingest/compute/load-errors';
import { readPairList } from '../../src/stages/prize/compute/read-pair-list';
import { submissionText } from '../../src/stages/prize/compute/submission';
import { memorySource, testSettings } from '../helpers/memory-source';

const TRAINING = [
  '1:',
  '10,3,2005-01-01',
  '11,4,2005-01-02',
  '12,5,2005-03-01',
  '2:',
  '10,1,2004-12-31',
  '12,2,2005-01-05',
  '',
].join('\n');

async function training(): Promise<RatingsData> {
  const { data } = await loadRatingFiles(
    [memorySource('combined_data_1.txt', TRAINING)],
    testSettings(),
  );
  return data!;
}

describe('the probe parser', () => {
  it('reads pairs as dense indices and skips bad lines, unknown customers and unknown movies with file and line', async () => {
    const data = await training();
    const probe = ['1:', '10', '12', '99', '2:', '12', 'x12', '7:', '10', '1:', '11', ''].join(
      '\r\n',
    );
    for (const chunkSize of [3, 1 << 16]) {
      const log = new BadLineLog();
      const pairs = await readPairList({
        source: memorySource('probe.txt', probe, chunkSize),
        kind: 'probe',
        data,
        badLines: log,
      });
      // users in order of first appearance: 10 → 0, 11 → 1, 12 → 2; movies 1 → 0, 2 → 1.
      expect(Array.from(pairs.user)).toEqual([0, 2, 2, 1]);
      expect(Array.from(pairs.movie)).toEqual([0, 0, 1, 0]);
      expect(pairs.blocks).toEqual([
        { movieId: 1, pairs: 2 },
        { movieId: 2, pairs: 1 },
        { movieId: 7, pairs: 0 },
        { movieId: 1, pairs: 1 },
      ]);
      expect(pairs.stats).toEqual({
        lines: 11,
        skippedLines: 3,
        unknownCustomers: 1,
        unknownMovies: 1,
      });
      expect(log.samples.map(describeBadLine)).toEqual([
        'probe.txt:4: customer 99 has no ratings in the training files (“99”)',
        'probe.txt:7: expected `CustomerID` or a `MovieID:` header (“x12”)',
        'probe.txt:9: movie 7 (header at line 8) has no ratings in the training files (“10”)',
      ]);
    }
  });

  it('refuses a file that is not a probe file, naming it', async () => {
    const data = await training();
    await expect(
      readPairList({
        source: memorySource('probe.txt', TRAINING),
        kind: 'probe',
        data,
        badLines: new BadLineLog(),
      }),
    ).rejects.toThrow(
      new FileRefusedError(
        'probe.txt',
        'probe.txt is not a probe file: it should hold `MovieID:` blocks of customer ids (probe.txt), but it reads as netflix-ratings.',
      ),
    );
  });
});

describe('the qualifying parser and the submission file', () => {
  it('keeps every pair in order, unknown ones as −1, and writes one prediction per line under each header', async () => {
    const data = await training();
    const qualifying = [
      '2:',
      '10,2005-09-06',
      '55,2005-09-07',
      '1:',
      '12,2005-13-01',
      '11,2005-01-31',
      '9:',
      '10,2005-02-01',
      '',
    ].join('\n');
    const log = new BadLineLog();
    const pairs = await readPairList({
      source: memorySource('qualifying.txt', qualifying),
      kind: 'qualifying',
      data,
      badLines: log,
    });
    expect(Array.from(pairs.user)).toEqual([0, -1, 1, 0]);
    expect(Array.from(pairs.movie)).toEqual([1, 1, 0, -1]);
    // 2005-09-06 is day 13032 since 1970-01-01; 2005-01-31 is 12814.
    expect(Array.from(pairs.day)).toEqual([13032, 13033, 12814, 12815]);
    expect(pairs.stats).toMatchObject({ skippedLines: 1, unknownCustomers: 1, unknownMovies: 1 });
    expect(log.samples.map(describeBadLine)).toEqual([
      'qualifying.txt:5: 2005-13-01 is not a possible rating date (“12,2005-13-01”)',
    ]);
    const text = [...submissionText(pairs, Float32Array.of(3.25, 1, 4.5, 3.1234))].join('');
    expect(text).toBe('2:\n3.250\n1.000\n1:\n4.500\n9:\n3.123\n');
  });
});
