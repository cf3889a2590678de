import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import { compareCommand } from '../../src/cli/commands/compare';
import { tuneCommand } from '../../src/cli/commands/tune';
import { FINAL_ACTIVATIONS } from '../../src/stages/tune/compute/search-space';
import { writeSmallRatingsFile } from '../helpers/small-ratings-file';
import { ISSUE_REPORT_KEYS } from '../helpers/report-keys';

const FILE = writeSmallRatingsFile();
/** 60 users × 40 movies, windows of 5, 4 clusters: about two thousand windows. */
const DATA = `${FILE} --users 60 --movies 40 --window 5 --k 4 --seed 3`;
const args = (line: string) => parseArgs(line.split(' '));

type Row = Record<string, unknown> & { model: string; testRmse: number; split: unknown };

/** The issue's keys, in its order, lead every row. */
const LEADING_KEYS = ISSUE_REPORT_KEYS;

describe('cli compare', () => {
  const line = `${DATA} --units 8 --embedding 4 --epochs 1 --batch 128`;
  const compare = async (extra = '') =>
    (await compareCommand(args(`${line} ${extra}`.trim()))) as { models: Row[] };

  it('trains every model on one split and prints them best first, each scored on the same test ratings', async () => {
    const { models } = await compare();
    expect(Object.keys(models[0]).slice(0, LEADING_KEYS.length)).toEqual(LEADING_KEYS);
    expect(models.map((m) => m.model).sort()).toEqual(
      ['bias', 'dense', 'lstm', 'mean', 'mf', 'svdpp', 'timebias'].sort(),
    );
    const rmses = models.map((m) => m.testRmse);
    expect(rmses).toEqual([...rmses].sort((a, b) => a - b));
    for (const row of models) {
      const network = row.model === 'lstm' || row.model === 'dense';
      expect(Object.keys(row)).toEqual([
        ...LEADING_KEYS,
        'testMae',
        'bestEpoch',
        'trainingSeconds',
        ...(network ? ['samplesPerSecond'] : []),
        'testRatings',
        'split',
      ]);
      expect(row.backend).toBe(network ? 'wasm' : 'cpu');
      for (const key of ['testRmse', 'valRmse', 'trainMeanRmse', 'testMae'] as const) {
        expect(Number.isFinite(row[key])).toBe(true);
        expect(row[key]).toBeGreaterThan(0.3);
        expect(row[key]).toBeLessThan(2.5);
      }
      expect(row.testRatings).toBe(models[0].testRatings);
      expect(row.split).toEqual(models[0].split);
      expect(row.trainingSeconds).toBeGreaterThanOrEqual(0);
    }
    const byName = new Map(models.map((m) => [m.model, m]));
    expect(byName.get('mean')).toMatchObject({ params: 1, epochs: 0 });
    expect(byName.get('bias')?.params).toBe(1 + 60 + 40);
    // The default MF has 50 factors per user and movie; SVD++ adds 50 implicit factors per movie.
    expect(byName.get('mf')?.params).toBe(1 + 60 + 40 + 50 * (60 + 40));
    expect(byName.get('svdpp')?.params).toBe(1 + 60 + 40 + 50 * (60 + 40) + 50 * 40);
    expect(byName.get('lstm')?.params).toBe(4 * 8 * (5 + 8 + 1) + 8 * 9 + 9);
    // A missing row or field would compare undefined with undefined: require the number first.
    expect(byName.get('mean')?.trainMeanRmse).toEqual(expect.any(Number));
    expect(byName.get('mean')?.testRmse).toBe(byName.get('mean')?.trainMeanRmse);
    expect(byName.get('bias')!.testRmse).toBeLessThan(byName.get('mean')!.testRmse);
    expect(models[0].split).toMatchObject({ kind: 'chrono', seed: 3 });
  });

  it('gives the same table for the same seed, timings aside', async () => {
    const untimed = (rows: Row[]) =>
      rows.map((row) => ({ ...row, trainingSeconds: 0, samplesPerSecond: 0 }));
    const models = '--models mean,mf,lstm';
    const first = await compare(models);
    expect(first.models.map((m) => m.model).sort()).toEqual(['lstm', 'mean', 'mf']);
    expect(untimed((await compare(models)).models)).toEqual(untimed(first.models));
  });

  it('trains the networks on the CPU backend when asked, after clustering on WASM', async () => {
    const { models } = await compare('--models lstm,dense --backend cpu');
    expect(models.map((m) => [m.model, m.backend]).sort()).toEqual([
      ['dense', 'cpu'],
      ['lstm', 'cpu'],
    ]);
    for (const row of models) expect(Number.isFinite(row.testRmse)).toBe(true);
  });

  it('explains bad input', async () => {
    await expect(compare('--models mean,svm')).rejects.toThrow(
      'unknown model svm; choose from mean, bias, timebias, mf, svdpp, lstm, dense',
    );
    await expect(compare('--factors 3')).rejects.toThrow('unknown option --factors');
    await expect(compare('--test-fraction 1.5')).rejects.toThrow(
      'the test fraction must be in [0, 1), not 1.5',
    );
    await expect(compareCommand(args('--models mean'))).rejects.toThrow(
      'name at least one ratings file',
    );
  });
});

describe('cli tune', () => {
  const line = `${DATA} --max-epochs 2 --factor 2 --units-min 4 --units-max 8 --layers-max 2 --batch 128 --full-epochs 1`;
  const tune = async (extra = '') =>
    (await tuneCommand(args(`${line} ${extra}`.trim()))) as {
      trials: number;
      best: Record<string, unknown>;
      testRmse: number;
    };

  it('runs Hyperband’s schedule, prints the best configuration in the search space, and the same for the same seed', async () => {
    const result = await tune();
    expect(Object.keys(result)).toEqual(['trials', 'best', 'testRmse', 'backend', 'end']);
    // maxEpochs 2, factor 2: two brackets; bracket 1 runs 2 trials of 1 epoch and promotes 1 to 2 epochs,
    // bracket 0 runs 2 trials of 2 epochs.
    expect(result.trials).toBe(5);
    const { best } = result;
    expect(Object.keys(best)).toEqual([
      'layers',
      'units',
      'dropout',
      'activation',
      'lr',
      'valLoss',
    ]);
    expect(best.layers).toBeOneOf([1, 2]);
    expect(Number.isInteger(best.units) && (best.units as number) >= 4).toBe(true);
    expect(best.units).toBeLessThanOrEqual(8);
    expect(best.dropout).toBeGreaterThanOrEqual(0);
    expect(best.dropout).toBeLessThanOrEqual(0.5);
    expect(FINAL_ACTIVATIONS).toContain(best.activation);
    expect(best.lr).toBeGreaterThanOrEqual(1e-4);
    expect(best.lr).toBeLessThanOrEqual(1e-1);
    expect(Number.isFinite(best.valLoss) && (best.valLoss as number) > 0).toBe(true);
    expect(Number.isFinite(result.testRmse)).toBe(true);
    expect(result.testRmse).toBeGreaterThan(0.3);
    expect(result.testRmse).toBeLessThan(2.5);
    expect(await tune()).toEqual(result);
  });

  it('explains bad options', async () => {
    await expect(tune('--factor 1')).rejects.toThrow('--factor must be a whole number ≥ 2');
    await expect(tune('--units-min 16')).rejects.toThrow(UsageError);
    await expect(tune('--max-epochs two')).rejects.toThrow(
      '--max-epochs must be a number, not “two”',
    );
    await expect(tune('--units 8')).rejects.toThrow('unknown option --units');
  });
});
