import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import { trainCommand } from '../../src/cli/commands/train';
import { writeSmallRatingsFile } from '../helpers/small-ratings-file';
import { ISSUE_REPORT_KEYS } from '../helpers/report-keys';

// The commands run in-process (as cli-windows and cluster-cli do); a few bad inputs go through the real entry
// point, to check what a person sees and the exit status.
const train = (line: string) => trainCommand(parseArgs(line.split(' '))) as Promise<Report>;
const SAMPLE = writeSmallRatingsFile();
const CSV = 'tests/fixtures/ratings-50.csv';
/** 60 users × 40 movies of a small generated file, windows of 5: about two thousand windows. */
const SMALL = `--users 60 --movies 40 --window 5 --seed 3`;

interface Report {
  model: string;
  testRmse: number;
  valRmse: number;
  trainMeanRmse: number;
  params: number;
  epochs: number;
  backend: string;
  testMae: number;
  bestEpoch: number | null;
  trainingSeconds: number;
  samplesPerSecond?: number;
  testRatings: number;
  split: Record<string, unknown>;
}

/** The issue's keys first, in its order, then the extras every model reports. */
const RATING_KEYS = [
  ...ISSUE_REPORT_KEYS,
  'testMae',
  'bestEpoch',
  'trainingSeconds',
  'testRatings',
  'split',
];
const NETWORK_KEYS = [...RATING_KEYS.slice(0, -2), 'samplesPerSecond', ...RATING_KEYS.slice(-2)];

/** A report without what depends on the clock. */
const untimed = (report: Report) => ({ ...report, trainingSeconds: 0, samplesPerSecond: 0 });

function expectSaneRmse(report: Report): void {
  for (const value of [report.testRmse, report.valRmse, report.trainMeanRmse, report.testMae]) {
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(2.5);
  }
}

/** Trainable numbers of an LSTM stack on `features` inputs, its hidden Dense layer of `units`, and the output. */
function lstmParams(features: number, units: number, layers: number): number {
  let params = 4 * units * (features + units + 1);
  for (let l = 1; l < layers; l++) params += 4 * units * (2 * units + 1);
  return params + units * (units + 1) + (units + 1);
}

/** Embeddings of users and movies, then Dense 256 → 128 → 64 → 1. */
function denseParams(users: number, movies: number, embedding: number): number {
  const widths = [2 * embedding, 256, 128, 64, 1];
  let params = (users + movies) * embedding;
  for (let l = 1; l < widths.length; l++) params += widths[l - 1] * widths[l] + widths[l];
  return params;
}

describe('cli train mean|bias|mf on a plain rating file, split at random', () => {
  const options = `--split random --on ratings --users all --movies all --seed 2`;

  it.each([
    ['mean', '', 1],
    ['bias', '', 1 + 10 + 40],
    ['mf', '--factors 3 --epochs 20', 1 + 10 + 40 + 3 * (10 + 40)],
  ])('train %s prints the report with its parameter count', async (model, extra, params) => {
    const report = await train(`${model} ${CSV} ${options} ${extra}`.trim());
    expect(Object.keys(report)).toEqual(RATING_KEYS);
    expect(report).toMatchObject({ model, params, backend: 'cpu', testRatings: 5 });
    expect(report.split).toEqual({
      kind: 'random',
      valFraction: 0.1,
      testFraction: 0.1,
      seed: 2,
      ratings: { train: 40, validation: 5, test: 5 },
    });
    expectSaneRmse(report);
    expect(report.trainingSeconds).toBeGreaterThanOrEqual(0);
    if (model === 'mean') expect(report.testRmse).toBe(report.trainMeanRmse);
    if (model === 'mf') {
      expect(report.epochs).toBeGreaterThan(0);
      expect(report.epochs).toBeLessThanOrEqual(20);
      expect(report.bestEpoch).toBeLessThanOrEqual(report.epochs);
    }
  });

  it('gives the same numbers for the same seed, and another split for another seed', async () => {
    const line = `mf ${CSV} --split random --on ratings --users all --movies all --factors 3 --epochs 5`;
    const first = await train(`${line} --seed 4`);
    expect(untimed(await train(`${line} --seed 4`))).toEqual(untimed(first));
    expect((await train(`${line} --seed 5`)).testRmse).not.toBe(first.testRmse);
  });
});

describe('cli train lstm|dense', () => {
  it('train lstm reports the LSTM’s parameters for its units, layers and k, the same for the same seed', async () => {
    const line = `lstm ${SAMPLE} ${SMALL} --k 4 --units 8 --layers 2 --epochs 2 --batch 128`;
    const report = await train(line);
    expect(Object.keys(report)).toEqual(NETWORK_KEYS);
    // Each step: 4 cluster one-hots and the rating.
    expect(report).toMatchObject({ model: 'lstm', params: lstmParams(5, 8, 2), backend: 'wasm' });
    expect(report.epochs).toBeGreaterThanOrEqual(1);
    expect(report.epochs).toBeLessThanOrEqual(2);
    expect(report.bestEpoch).toBeLessThanOrEqual(report.epochs);
    expectSaneRmse(report);
    const windows = (report.split as { windows: { test: number } }).windows;
    expect(report.testRatings).toBe(windows.test);
    expect(untimed(await train(line))).toEqual(untimed(report));
  });

  it('train dense reports the embedding model’s parameters for its users, movies and embedding size', async () => {
    const report = await train(`dense ${SAMPLE} ${SMALL} --embedding 4 --epochs 1 --batch 128`);
    expect(Object.keys(report)).toEqual(NETWORK_KEYS);
    expect(report).toMatchObject({ model: 'dense', params: denseParams(60, 40, 4), epochs: 1 });
    expectSaneRmse(report);
  });

  it('explains bad options and values', async () => {
    await expect(train(`mf ${CSV} --lr fast`)).rejects.toThrow('--lr must be a number, not “fast”');
    await expect(train(`lstm ${SAMPLE} --unitz 8`)).rejects.toThrow('unknown option --unitz');
    await expect(train(`lstm ${SAMPLE} ${SMALL} --k 4 --units 0`)).rejects.toThrow(
      '--units must be a whole number ≥ 1',
    );
    await expect(train(`lstm ${SAMPLE} ${SMALL} --k 4 --activation tanh`)).rejects.toThrow(
      '--activation must be one of swish, gelu, selu, relu, linear, sigmoid',
    );
    await expect(train(`dense ${SAMPLE} --units 8`)).rejects.toThrow('unknown option --units');
    await expect(train(`svm ${SAMPLE}`)).rejects.toThrow(/unknown model “svm”/);
    await expect(train(`mf ${CSV} --split sideways`)).rejects.toThrow(
      '--split must be one of chrono, random',
    );
    await expect(train(`mean ${CSV} --split random --on windows`)).rejects.toThrow(
      /no test ratings: .*--on ratings/,
    );
    await expect(train(`mean ${CSV} --on ratings --window 3`)).rejects.toThrow(UsageError);
    // Networks refuse an empty split before training (they used to crash inside tfjs).
    await expect(train(`lstm ${CSV} --epochs 1`)).rejects.toThrow(/split left no test ratings/);
    const allHeldOut = '--val-fraction 0.5 --test-fraction 0.49';
    await expect(
      train(`lstm ${CSV} --on ratings --split random --users all --movies all ${allHeldOut}`),
    ).rejects.toThrow(/no training windows for the LSTM/);
  });
});

describe('cli train on a plain rating file', () => {
  it('splits single ratings when a rating model is asked for --split random', async () => {
    const plain = await train(`bias ${CSV} --split random --users all --movies all`);
    const explicit = await train(
      `bias ${CSV} --split random --on ratings --users all --movies all`,
    );
    expect(plain.split.ratings as Record<string, number>).toEqual({
      train: 40,
      validation: 5,
      test: 5,
    });
    expect({ ...plain, trainingSeconds: 0 }).toEqual({
      ...(explicit as object),
      trainingSeconds: 0,
    });
  });
});

describe('cli train through the entry point', () => {
  const run = promisify(execFile);
  const TSX = join(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs');
  const MAIN = join(import.meta.dirname, '../../src/cli/main.ts');
  async function cli(...args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, [TSX, MAIN, ...args]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
  }

  it('exits 1 for a missing file and 2 for a bad option, saying what is wrong', async () => {
    const [missing, unknown] = await Promise.all([
      cli('train', 'lstm', 'no/such/ratings.csv', '--epochs', '1'),
      cli('train', 'mf', CSV, '--factor', '3'),
    ]);
    expect(missing).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'no/such/ratings.csv cannot be loaded: there is no such file.\n',
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^unknown option --factor\nusage: .*train mean\|bias\|mf/);
  });
});
