/**
 * The project's side of the dense benchmark, in a process of its own (tfjs backend patches are process-wide):
 * trains the dense embedding model on the sample with `runTraining`, the code path of the Dense cell and of
 * `cli -- train dense`, on tfjs set up as the CLI sets it up. Usage:
 *   tsx bench/mf/dense-project.ts SAMPLE_FILE SETTINGS_JSON wasm|cpu [fused|stock]
 * `stock` removes the project's fused Adam kernel after set-up, so the same optimizer runs tfjs' own Adam
 * (the project before the fused step). Prints one JSON line.
 */
import type { RunId } from '../../src/lib/ids';
import { nodeTf } from '../../src/cli/node-tf';
import { denseParameterCount } from '../../src/stages/train/compute/model/build-dense-model';
import { disposeModel } from '../../src/stages/train/compute/model/dispose-model';
import { FUSED_ADAM_KERNEL } from '../../src/stages/train/compute/backend/fused-adam-kernel';
import { runTraining } from '../../src/stages/train/compute/run-training';
import { readDenseSample, sampleAsWindows } from './dense-sample';
import type { DenseBenchSettings } from './dense-settings';

async function main(): Promise<void> {
  const [file, settingsJson, backendName, adam = 'fused'] = process.argv.slice(2);
  if (
    !file ||
    !settingsJson ||
    (backendName !== 'wasm' && backendName !== 'cpu') ||
    (adam !== 'fused' && adam !== 'stock')
  )
    throw new Error('usage: dense-project.ts SAMPLE_FILE SETTINGS_JSON wasm|cpu [fused|stock]');
  const settings = JSON.parse(settingsJson) as DenseBenchSettings;
  const sample = readDenseSample(file);
  const { tf, backend, patches } = await nodeTf(backendName);
  if (adam === 'stock') tf.unregisterKernel(FUSED_ADAM_KERNEL, backend);

  // Batch end times: the first batch (graph tracing, kernel and buffer set-up) is left out of the speed.
  const batchEnds: number[] = [];
  const batchSizes: number[] = [];
  const epochLosses: number[] = [];
  const { model, result } = await runTraining(
    tf,
    {
      runId: 'bench-dense' as RunId,
      windows: sampleAsWindows(sample),
      space: { users: sample.users, movies: sample.movies },
      model: {
        kind: 'dense',
        options: {
          embeddingSize: settings.embeddingSize,
          dropout: settings.dropout,
          learningRate: settings.learningRate,
          ratingRange: [1, 5],
          seed: settings.seed,
        },
      },
      fit: {
        epochs: settings.epochs,
        batchSize: settings.batchSize,
        patience: Number.POSITIVE_INFINITY,
        seed: settings.seed,
      },
    },
    {
      onBatch: (p) => {
        batchEnds.push(performance.now());
        const from = p.batch * settings.batchSize;
        batchSizes.push(Math.min(settings.batchSize, sample.train.count - from));
      },
      onEpoch: (log) => {
        epochLosses.push(log.loss);
      },
    },
  );
  disposeModel(model);
  const timedSamples = batchSizes.slice(1).reduce((a, b) => a + b, 0);
  const timedSeconds = ((batchEnds.at(-1) ?? 0) - batchEnds[0]) / 1000;
  const out = {
    backend,
    adam,
    patches: adam === 'stock' ? patches.filter((p) => !p.startsWith('Adam:')) : patches,
    params: result.params.trainable,
    paramsByFormula: denseParameterCount(sample.users, sample.movies, settings.embeddingSize),
    epochsRun: result.epochsRun,
    timedSamples,
    timedSeconds,
    samplesPerSecond: timedSamples / timedSeconds,
    samplesPerSecondAllBatches: result.samplesPerSecond,
    trainingSeconds: result.trainingSeconds,
    epochLosses,
    testRmse: result.test?.rmse ?? null,
    testMae: result.test?.mae ?? null,
    trainMeanRmse: result.test?.trainMeanRmse ?? null,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
