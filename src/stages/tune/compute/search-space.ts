import { createRng } from '../../../lib/rng';

/**
 * The LSTM's tunable hyperparameters, with the report's search space as the default: 1–4 LSTM layers of
 * 32–512 units, dropout 0–0.5, the final activation, and a log-uniform learning rate 1e-4–1e-1.
 */
export const FINAL_ACTIVATIONS = [
  'gelu',
  'selu',
  'swish',
  'relu',
  'sigmoid-scaled',
  'linear',
] as const;
/** `sigmoid-scaled` is a sigmoid stretched to the rating range, as the report did. */
export type FinalActivation = (typeof FINAL_ACTIVATIONS)[number];

export interface TrialConfig {
  layers: number;
  units: number;
  dropout: number;
  activation: FinalActivation;
  learningRate: number;
}

export interface IntRange {
  min: number;
  max: number;
}
export interface FloatRange {
  min: number;
  max: number;
}

export interface SearchSpace {
  /** Stacked LSTM layers, drawn uniformly from the integers in range. */
  layers: IntRange;
  /** Units per LSTM layer, drawn uniformly from the integers in range. */
  units: IntRange;
  /** Dropout rate, uniform. */
  dropout: FloatRange;
  /** Final activations to choose from, uniformly. */
  activations: FinalActivation[];
  /** Adam's learning rate, log-uniform. */
  learningRate: FloatRange;
}

export const defaultSearchSpace: SearchSpace = {
  layers: { min: 1, max: 4 },
  units: { min: 32, max: 512 },
  dropout: { min: 0, max: 0.5 },
  activations: [...FINAL_ACTIVATIONS],
  learningRate: { min: 1e-4, max: 1e-1 },
};

/** What is wrong with a search space, one sentence each; empty when it can be searched. */
export function searchSpaceProblems(space: SearchSpace): string[] {
  const problems: string[] = [];
  const intRange = (name: string, range: IntRange, low: number, high: number) => {
    if (!Number.isInteger(range.min) || !Number.isInteger(range.max))
      problems.push(`${name} must be whole numbers.`);
    else if (range.min < low || range.max > high || range.min > range.max)
      problems.push(`${name} must lie within ${low}–${high}, lowest first.`);
  };
  intRange('Layers', space.layers, 1, 8);
  intRange('Units', space.units, 1, 2048);
  const { dropout, learningRate } = space;
  if (!(dropout.min >= 0 && dropout.max < 1 && dropout.min <= dropout.max))
    problems.push('Dropout must lie within 0 to below 1, lowest first.');
  if (!(learningRate.min > 0 && learningRate.max <= 1 && learningRate.min <= learningRate.max))
    problems.push('The learning rate must lie above 0 and at most 1, lowest first.');
  if (space.activations.length === 0) problems.push('Choose at least one final activation.');
  for (const activation of space.activations) {
    if (!FINAL_ACTIVATIONS.includes(activation))
      problems.push(`“${activation}” is not a final activation this notebook knows.`);
  }
  if (new Set(space.activations).size !== space.activations.length)
    problems.push('Each final activation may be listed once.');
  return problems;
}

/**
 * The `drawIndex`-th random configuration for a seed. Each draw has its own generator, derived from the
 * seed and the index alone, so a resumed search draws exactly what an uninterrupted one would have.
 */
export function drawConfig(space: SearchSpace, seed: number, drawIndex: number): TrialConfig {
  const rng = createRng(seed).fork(drawIndex);
  const int = (range: IntRange) => range.min + rng.int(range.max - range.min + 1);
  const uniform = (range: FloatRange) => range.min + rng.next() * (range.max - range.min);
  const logMin = Math.log(space.learningRate.min);
  const logMax = Math.log(space.learningRate.max);
  return {
    layers: int(space.layers),
    units: int(space.units),
    dropout: uniform(space.dropout),
    activation: space.activations[rng.int(space.activations.length)],
    learningRate: Math.exp(logMin + rng.next() * (logMax - logMin)),
  };
}

/** Identifies a configuration, for skipping duplicates. */
export function configKey(config: TrialConfig): string {
  return JSON.stringify([
    config.layers,
    config.units,
    config.dropout,
    config.activation,
    config.learningRate,
  ]);
}
