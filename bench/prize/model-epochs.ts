/**
 * One measurement in a fresh process: `tsx bench/prize/model-epochs.ts RATINGS PROBE OUT_DIR MODELS EPOCHS`
 * loads the ratings with the project's loader, splits off the probe, writes the training and probe ratings as
 * binary columns into OUT_DIR (train.user.u32, train.movie.u32, train.rating.f32, test.* likewise) for the
 * PyTorch peer, then times EPOCHS epochs of each named model over all training ratings and prints one JSON
 * object with ratings/s per epoch, probe RMSE and the process's peak memory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSource } from '../../src/cli/node-sources';
import { DEFAULT_MF_OPTIONS, fitBiasedMf } from '../../src/stages/baselines/compute/biased-mf';
import type { EpochHooks } from '../../src/stages/baselines/compute/epoch-loop';
import { errorMetrics } from '../../src/stages/baselines/compute/metrics';
import type { FitContext, RatingModel } from '../../src/stages/baselines/compute/rating-model';
import type { RatingSet } from '../../src/stages/baselines/compute/rating-set';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import { todayLoadSettings } from '../../src/stages/ingest/compute/load-settings';
import { readProbeKeys, splitByProbe } from './probe-split';

/** Factors of every factor model in this benchmark (Koren's f = 50 column). */
const FACTORS = 50;

/** How a model is fitted for `epochs` epochs over all training ratings, with no early stopping. */
type EpochFit = (
  train: RatingSet,
  context: FitContext,
  epochs: number,
  hooks: EpochHooks,
) => Promise<{ model: RatingModel }>;

/**
 * The models whose epochs this benchmark times, by the name `MODELS` uses. timeSVD++ (src/stages/prize/, from
 * the `prize` branch) is added here as one more entry once merged; `timeModelEpochs` takes any `EpochFit`.
 */
const EPOCH_MODELS: Record<string, EpochFit> = {
  mf: (train, context, epochs, hooks) =>
    fitBiasedMf(
      train,
      null,
      context,
      { ...DEFAULT_MF_OPTIONS, factors: FACTORS, epochs, patience: 0 },
      hooks,
    ),
};

interface ModelEpochs {
  model: string;
  epochSeconds: number[];
  /** Training ratings over the median epoch's seconds. */
  ratingsPerSecond: number;
  probeRmse: number;
}

/** Times each epoch of one model over `train` and scores it on `probe`. */
async function timeModelEpochs(
  name: string,
  fit: EpochFit,
  train: RatingSet,
  probe: RatingSet,
  context: FitContext,
  epochs: number,
): Promise<ModelEpochs> {
  const epochMs: number[] = [];
  const { model } = await fit(train, context, epochs, {
    onEpoch: (p) => epochMs.push(p.ms),
    now: () => performance.now(),
  });
  const sorted = [...epochMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  // The mean of the two middle epochs for an even count, as numpy's median in the PyTorch peer.
  const medianMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    model: name,
    epochSeconds: epochMs.map((ms) => ms / 1000),
    ratingsPerSecond: train.count / (medianMs / 1000),
    probeRmse: errorMetrics(model.predict(probe), probe).rmse,
  };
}

function writeColumns(dir: string, name: string, set: RatingSet): void {
  for (const [column, array] of [
    ['user.u32', set.user],
    ['movie.u32', set.movie],
    ['rating.f32', set.rating],
  ] as const)
    writeFileSync(
      join(dir, `${name}.${column}`),
      new Uint8Array(array.buffer, 0, array.byteLength),
    );
}

async function main(): Promise<void> {
  const [ratingsPath, probePath, outDir, modelList, epochText] = process.argv.slice(2);
  const names = modelList.split(',');
  for (const name of names)
    if (!EPOCH_MODELS[name])
      throw new Error(`unknown model ${name}; known: ${Object.keys(EPOCH_MODELS)}`);
  const { data } = await loadRatingFiles([fileSource(ratingsPath)], todayLoadSettings(Date.now()));
  if (!data) throw new Error(`${ratingsPath} held no ratings`);
  const { train, probe } = splitByProbe(data, readProbeKeys(probePath));
  const values = data.table.ratingValues;
  const context: FitContext = {
    users: data.userIds.ids.length,
    movies: data.movieIds.ids.length,
    scale: { min: values[0], max: values[values.length - 1] },
  };
  mkdirSync(outDir, { recursive: true });
  writeColumns(outDir, 'train', train);
  writeColumns(outDir, 'test', probe);
  const rssBeforeTraining = process.memoryUsage().rss;
  const models: ModelEpochs[] = [];
  for (const name of names) {
    models.push(
      await timeModelEpochs(name, EPOCH_MODELS[name], train, probe, context, Number(epochText)),
    );
    process.stderr.write(`${JSON.stringify(models.at(-1))}\n`);
  }
  process.stdout.write(
    `${JSON.stringify({
      trainRatings: train.count,
      probeRatings: probe.count,
      users: context.users,
      movies: context.movies,
      rssBeforeTrainingMb: rssBeforeTraining / 1e6,
      peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
      models,
    })}\n`,
  );
}

await main();
