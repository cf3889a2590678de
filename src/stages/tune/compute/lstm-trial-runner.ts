/**
 * The Hyperband trial runner over the real training core: a trial builds the LSTM its configuration names,
 * starts from its parent's best weights when it was promoted, trains from the parent's epoch count up to its
 * cumulative budget with early stopping, and keeps its best weights as its checkpoint.
 */
import type * as tfjs from '@tensorflow/tfjs';
import {
  buildLstmModel,
  type DenseActivation,
  type LstmModelOptions,
} from '../../train/compute/model/build-lstm-model';
import { readWeights, writeWeights, type WeightSnapshot } from '../../train/compute/model/weights';
import type { Tf } from '../../train/compute/tf';
import { fitModel, type EpochLog } from '../../train/compute/training/fit-model';
import type { NormalizationStats } from '../../train/compute/training/normalization-stats';
import type { TrainingData } from '../../train/compute/training/training-source';
import type { TrialOutcome, TrialRequest } from './hyperband-state';
import type { TrialRunner } from './run-hyperband';
import type { FinalActivation, TrialConfig } from './search-space';
import { disposeModel } from '../../train/compute/model/dispose-model';

/** The tuner's activation names in the model builder's terms. */
const ACTIVATIONS: Record<FinalActivation, DenseActivation> = {
  gelu: 'gelu',
  selu: 'selu',
  swish: 'swish',
  relu: 'relu',
  'sigmoid-scaled': 'sigmoid',
  linear: 'linear',
};

export interface LstmTrialRunnerOptions {
  tf: Tf;
  data: { train: TrainingData; validation: TrainingData };
  steps: number;
  features: number;
  normalization: NormalizationStats;
  ratingRange: [number, number];
  batchSize: number;
  /** Early stopping inside each trial. */
  patience: number;
  seed: number;
  /** Best weights by trial id; the runner adds each trial's. */
  checkpoints: Map<string, WeightSnapshot>;
  /** Each epoch of each trial, for the live chart. */
  onEpoch?: (trialId: string, log: EpochLog) => void | Promise<void>;
  onBatch?: () => void | Promise<void>;
  shouldStop?: () => boolean;
}

/** What building a trial's model needs from the runner's options. */
export type TrialModelInputs = Pick<
  LstmTrialRunnerOptions,
  'tf' | 'steps' | 'features' | 'normalization' | 'ratingRange' | 'seed'
>;

/**
 * The LSTM a trial's configuration stands for, in the model builder's terms (without the shapes, which come
 * from the windows): what the trials build, and what "LSTM (tuned)" trains in full.
 */
export function trialModelOptions(
  config: TrialConfig,
  ratingRange: [number, number],
  seed: number,
): Omit<LstmModelOptions, 'steps' | 'features' | 'normalization'> {
  return {
    units: config.units,
    layers: config.layers,
    dropout: config.dropout,
    activation: ACTIVATIONS[config.activation],
    learningRate: config.learningRate,
    ratingRange,
    seed,
  };
}

export function lstmModelFor(options: TrialModelInputs, config: TrialConfig): tfjs.LayersModel {
  return buildLstmModel(options.tf, {
    steps: options.steps,
    features: options.features,
    normalization: options.normalization,
    ...trialModelOptions(config, options.ratingRange, options.seed),
  });
}

export function createLstmTrialRunner(options: LstmTrialRunnerOptions): TrialRunner {
  return {
    async runTrial(request: TrialRequest): Promise<TrialOutcome> {
      const model = lstmModelFor(options, request.config);
      try {
        const parent = request.parentCheckpoint
          ? options.checkpoints.get(request.parentCheckpoint)
          : undefined;
        // Without its parent's weights (lost with a terminated worker) a promoted trial starts afresh, epoch 0.
        const initialEpoch = parent ? request.initialEpoch : 0;
        if (parent) writeWeights(options.tf, model, parent);
        const fit = await fitModel(options.tf, model, options.data, {
          epochs: request.epochs,
          initialEpoch,
          batchSize: options.batchSize,
          patience: options.patience,
          seed: options.seed,
          onEpoch: (log) => options.onEpoch?.(request.trialId, log),
          onBatch: options.onBatch,
          shouldStop: options.shouldStop,
        });
        if (fit.stopReason === 'stopped') throw new Error('the trial was stopped');
        options.checkpoints.set(request.trialId, await readWeights(model));
        return {
          valLoss: fit.bestValLoss,
          bestEpoch: fit.bestEpoch + 1,
          checkpoint: request.trialId,
          epochsRun: fit.epochsRun,
        };
      } finally {
        disposeModel(model);
      }
    },
  };
}
