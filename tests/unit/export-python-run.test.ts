/**
 * The exported project, run with Debian's python3-torch/-sklearn/-numpy on the bundled sample (a 150 × 60
 * subset, windows of 5, 2 epochs): its comparison agrees with the CLI's `compare` on the same data and seed, a
 * two-process torchrun (gloo) trains the LSTM along the single-process loss curve, the notebook runs, and the
 * search's trial function runs one trial without a tuner.
 *
 * Tolerances: the split and the test ratings are equal (counts and checksum). The global mean and the static
 * biases are deterministic (closed forms, alternating sweeps to a fixed tolerance): 1e-6, as the issue asks.
 * Biased MF and SVD++ are ported step for step with the page's generator (same initial factors, same shuffles,
 * updates in double stored in float32): 1e-6 too (measured: ~1e-14). The LSTM and the dense model share the
 * data, split, window order per epoch and architecture, but not K-Means (scikit-learn's starts), the initial
 * weights (PyTorch's generator) or the float order of the kernels; after 2 epochs on 6,303 windows their test
 * RMSE differs by a few hundredths (measured 0.02–0.07), so they must agree within 0.15 and both beat
 * predicting the training mean. torchrun: the same batches cut into two shards with the loss scaled so the
 * averaged gradient is the whole batch's; only float reduction order differs: 1e-5 relative per epoch
 * (measured ~1e-8).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRatingsFromPaths } from '../../src/cli/load-paths';
import { selectTopSubset } from '../../src/stages/subset/compute/top-subset';
import { buildCompactWindows, expandSplit } from '../../src/stages/windows/compute/compact-windows';
import { prepareSplit } from '../../src/stages/windows/compute/prepare-split';
import { TEST } from '../../src/stages/windows/compute/window-split';
import { hasPythonStack, PYTHON, run } from '../helpers/python';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'public/sample/sample_ratings.txt.gz');
const OPTIONS = ['--users', '150', '--movies', '60', '--window', '5', '--k', '5', '--seed', '7'];
const NETWORK = ['--units', '8', '--embedding', '8', '--epochs', '2', '--batch', '64'];
const MODELS = 'mean,bias,timebias,mf,svdpp,lstm,dense';

interface Row {
  model: string;
  testRmse: number;
  valRmse: number | null;
  trainMeanRmse: number;
  testRatings: number;
  split: {
    kind: string;
    seed: number;
    windows: { train: number; validation: number; test: number };
  };
}
interface Comparison {
  models: Row[];
  testSet?: { count: number; checksum: number };
}

const folder = mkdtempSync(join(tmpdir(), 'prize-lab-export-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const cli = (args: string[]) => run('npx', ['tsx', 'src/cli/main.ts', ...args], ROOT);
const json = <T>(path: string) => JSON.parse(readFileSync(join(folder, path), 'utf8')) as T;
const byModel = (c: Comparison) => new Map(c.models.map((r) => [r.model, r]));

/** The sample's subset and split as the page prepares them (the CLI's options above). */
async function pageSplit() {
  const { data: loaded } = await loadRatingsFromPaths([SAMPLE]);
  const data = selectTopSubset(loaded, { users: 150, movies: 60 }).data;
  const prepared = prepareSplit(
    data,
    { steps: 5, stride: 1, maxPerUser: null },
    { kind: 'chrono', valFraction: 0.1, testFraction: 0.1, seed: 7 },
  );
  return { data, ...prepared };
}

/** The checksum `prizelab.windows.test_checksum` computes, over the page's own split. */
async function pageTestChecksum(): Promise<{ count: number; checksum: number }> {
  const { data, split } = await pageSplit();
  const p = 2_147_483_647n;
  let total = 0n;
  let k = 0n;
  const { user, movie, day, code, ratingValues } = data.table;
  for (let w = 0; w < split.windows.count; w++) {
    if (split.role[w] !== TEST) continue;
    const r = split.labelRow[w];
    const value =
      BigInt(user[r]) * 1_000_003n +
      BigInt(movie[r]) * 7_919n +
      BigInt(day[r]) * 31n +
      BigInt(Math.round(ratingValues[code[r]] * 2));
    k++;
    total = (total + k * value) % p;
  }
  return { count: Number(k), checksum: Number(total) };
}

/** Python that builds the test windows with every feature for a given movie → cluster map and prints them. */
const WINDOWS_PY = `
import json, sys
import numpy as np
from prizelab.pipeline import load_config
from prizelab.data import load_ratings
from prizelab.subset import select_top_subset
from prizelab.windows import TEST, WindowFeatures, split_data
config = load_config("config.json")
data = select_top_subset(load_ratings(config["data"]["files"]), **config["subset"])
split = split_data(data, config["sequences"], config["seed"])
clusters = np.arange(data.movies) % 4
x, y = WindowFeatures(data, split, clusters, 4, True, True).windows(TEST)
json.dump({"x": x.ravel().tolist(), "y": y.tolist()}, sys.stdout)
`;

describe.runIf(hasPythonStack('the exported Python project tests'))(
  'the exported Python project',
  () => {
    let page: Comparison;
    let exported: Comparison;

    beforeAll(() => {
      cli([
        'export-python',
        SAMPLE,
        '--out',
        folder,
        ...OPTIONS,
        ...NETWORK,
        '--kmin',
        '3',
        '--kmax',
        '4',
        '--ninit',
        '2',
        '--max-epochs',
        '2',
        '--models',
        MODELS,
      ]);
      page = JSON.parse(
        cli(['compare', SAMPLE, ...OPTIONS, ...NETWORK, '--models', MODELS]).stdout,
      ) as Comparison;
      run(
        PYTHON,
        ['run.py', 'compare', '--no-explore', '--device', 'cpu', '--out', 'single'],
        folder,
      );
      exported = json<Comparison>('single/comparison.json');
    }, 300_000);

    it('splits as the page does and scores on the same test ratings', async () => {
      const rows = byModel(exported);
      const reference = page.models[0];
      for (const row of exported.models) {
        expect(row.split.windows).toEqual(reference.split.windows);
        expect(row.testRatings).toBe(reference.testRatings);
      }
      expect(rows.size).toBe(7);
      expect(exported.testSet).toEqual(await pageTestChecksum());
    });

    it('builds the same windows, features included (clusters, rating, days since previous, movie mean)', async () => {
      const { data, histories, split } = await pageSplit();
      const windows = buildCompactWindows({
        table: data.table,
        histories,
        split,
        clusterOfMovie: Int32Array.from({ length: data.movieIds.ids.length }, (_, m) => m % 4),
        options: { clusters: 4, daysSincePrevious: true, movieMean: true },
      });
      const page = expandSplit(windows, 'test');
      const mine = JSON.parse(run(PYTHON, ['-c', WINDOWS_PY], folder).stdout) as {
        x: number[];
        y: number[];
      };
      expect(mine.y).toEqual(Array.from(page.y));
      expect(mine.x).toEqual(Array.from(page.x));
    });

    it('reproduces the deterministic and the ported SGD models to 1e-6', () => {
      const mine = byModel(exported);
      for (const [model, theirs] of byModel(page)) {
        if (model === 'lstm' || model === 'dense') continue;
        expect(Math.abs(mine.get(model)!.testRmse - theirs.testRmse), model).toBeLessThan(1e-6);
        expect(Math.abs(mine.get(model)!.valRmse! - theirs.valRmse!), model).toBeLessThan(1e-6);
      }
    });

    it('trains the LSTM and the dense model to within 0.15 RMSE of the page, both beating the mean', () => {
      const mine = byModel(exported);
      for (const [model, theirs] of byModel(page)) {
        if (model !== 'lstm' && model !== 'dense') continue;
        const row = mine.get(model)!;
        expect(Math.abs(row.testRmse - theirs.testRmse), model).toBeLessThan(0.15);
        expect(row.testRmse, model).toBeLessThan(row.trainMeanRmse);
      }
    });

    it('trains the LSTM under torchrun --nproc_per_node=2 (gloo) along the single-process loss curve', () => {
      run(
        'torchrun',
        [
          '--redirects',
          '1',
          '--tee',
          '1',
          '--log_dir',
          join(folder, 'torchrun-logs'),
          '--nproc_per_node=2',
          'run.py',
          'compare',
          '--models',
          'lstm',
          '--no-explore',
          '--device',
          'cpu',
          '--out',
          'multi',
        ],
        folder,
      );
      const single = json<{ loss: number; valLoss: number }[]>('single/lstm_history.json');
      const multi = json<{ loss: number; valLoss: number }[]>('multi/lstm_history.json');
      expect(multi.length).toBe(single.length);
      single.forEach((epoch, i) => {
        expect(Math.abs(multi[i].loss - epoch.loss) / epoch.loss).toBeLessThan(1e-5);
        expect(Math.abs(multi[i].valLoss - epoch.valLoss) / epoch.valLoss).toBeLessThan(1e-5);
      });
      expect(byModel(json<Comparison>('multi/comparison.json')).get('lstm')!.testRatings).toBe(
        page.models[0].testRatings,
      );
    });

    it('runs the notebook (its code cells in order) to the same comparison', () => {
      const notebook = json<{ cells: { cell_type: string; source: string[] }[] }>('notebook.ipynb');
      const code = notebook.cells
        .filter((c) => c.cell_type === 'code')
        .map((c) => c.source.join(''))
        .join('\n');
      run(PYTHON, ['-c', code], folder);
      const rows = byModel(json<Comparison>('results/comparison.json'));
      expect(
        Math.abs(rows.get('bias')!.testRmse - byModel(page).get('bias')!.testRmse),
      ).toBeLessThan(1e-6);
    });

    it('compiles the search and runs its trial function for one trial without Optuna', () => {
      run(PYTHON, ['-m', 'py_compile', 'prizelab/tune.py', 'run.py'], folder);
      const out = run(
        PYTHON,
        [
          'run.py',
          'trial',
          '--units',
          '4',
          '--layers',
          '2',
          '--activation',
          'sigmoid-scaled',
          '--out',
          'trial',
        ],
        folder,
      );
      const trial = JSON.parse(out.stdout.trim().split('\n').pop()!) as {
        valLoss: number;
        row: Row;
      };
      expect(Number.isFinite(trial.valLoss)).toBe(true);
      expect(trial.row.testRatings).toBe(page.models[0].testRatings);
    });
  },
);

describe.runIf(hasPythonStack('the exported Python project on MovieLens'))(
  'the exported Python project on a MovieLens ratings.csv',
  () => {
    it('reads the delimited file and splits single ratings at random as the CLI does', () => {
      const movielens = mkdtempSync(join(tmpdir(), 'prize-lab-export-ml-'));
      try {
        const file = join(ROOT, 'tests/fixtures/ratings-50.csv');
        const options = ['--split', 'random', '--on', 'ratings', '--test-fraction', '0.2'];
        const subset = ['--users', 'all', '--movies', 'all', '--seed', '3'];
        const models = ['--models', 'mean,bias,timebias,mf,svdpp'];
        cli(['export-python', file, '--out', movielens, ...options, ...subset, ...models]);
        const page = byModel(
          JSON.parse(cli(['compare', file, ...options, ...subset, ...models]).stdout) as Comparison,
        );
        run(PYTHON, ['run.py', 'compare', '--no-explore', '--out', 'results'], movielens);
        const mine = byModel(
          JSON.parse(
            readFileSync(join(movielens, 'results/comparison.json'), 'utf8'),
          ) as Comparison,
        );
        expect(mine.size).toBe(5);
        for (const [model, theirs] of page) {
          expect(mine.get(model)!.split).toEqual(theirs.split);
          expect(Math.abs(mine.get(model)!.testRmse - theirs.testRmse), model).toBeLessThan(1e-6);
        }
      } finally {
        rmSync(movielens, { recursive: true, force: true });
      }
    }, 120_000);
  },
);
