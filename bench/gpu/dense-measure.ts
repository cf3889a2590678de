/**
 * Times the project's dense embedding model (buildDenseModel, the Dense cell's defaults) through `fitModel`:
 * one epoch of exactly warm-up + timed batches, the timed ones measured from the end of the warm-up.
 */
import { buildDenseModel } from '../../src/stages/train/compute/model/build-dense-model';
import { disposeModel } from '../../src/stages/train/compute/model/dispose-model';
import type { Tf } from '../../src/stages/train/compute/tf';
import { fitModel } from '../../src/stages/train/compute/training/fit-model';
import { pairSource } from '../../src/stages/train/compute/training/pair-source';
import type { BenchShape, VariantMeasurement } from '../train/train-variants';
import type { SyntheticPairs } from './synthetic-pairs';

export async function measureDense(
  tf: Tf,
  pairs: SyntheticPairs,
  shape: BenchShape,
  now: () => number,
): Promise<VariantMeasurement> {
  const needed = (shape.warmupBatches + shape.timedBatches) * shape.batchSize;
  if (pairs.user.length < needed)
    throw new Error(`measureDense: need ${needed} ratings, got ${pairs.user.length}`);
  const model = buildDenseModel(tf, { users: pairs.users, movies: pairs.movies, seed: 7 });
  const train = pairSource({
    user: pairs.user.subarray(0, needed),
    movie: pairs.movie.subarray(0, needed),
    rating: pairs.rating.subarray(0, needed),
  });
  let start = 0;
  let lossSum = 0;
  try {
    await fitModel(
      tf,
      model,
      { train },
      {
        epochs: 1,
        batchSize: shape.batchSize,
        patience: Infinity,
        seed: 1,
        onBatch: ({ batch, loss }) => {
          if (batch === shape.warmupBatches - 1) start = now();
          if (batch >= shape.warmupBatches) lossSum += loss;
        },
      },
    );
    const seconds = (now() - start) / 1000;
    const timedSamples = shape.timedBatches * shape.batchSize;
    return {
      variant: 'project',
      samplesPerSecond: timedSamples / seconds,
      timedSamples,
      seconds,
      meanLoss: lossSum / shape.timedBatches,
    };
  } finally {
    disposeModel(model);
  }
}
