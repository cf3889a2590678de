/** What both trainers of the dense benchmark get: the Dense cell's defaults, a fixed number of epochs. */
import { DEFAULT_DENSE_CELL_OPTIONS } from '../../src/stages/train/compute/cell-defaults';

export interface DenseBenchSettings {
  embeddingSize: number;
  dropout: number;
  learningRate: number;
  batchSize: number;
  /** Fixed: no early stopping, so both sides do the same work. */
  epochs: number;
  seed: number;
  /** Training ratings drawn from the MF benchmark's training split, and test ratings from its test split. */
  trainRatings: number;
  testRatings: number;
}

const d = DEFAULT_DENSE_CELL_OPTIONS;

export const DENSE_BENCH_SETTINGS: DenseBenchSettings = {
  embeddingSize: d.embeddingSize,
  dropout: d.dropout,
  learningRate: d.learningRate,
  batchSize: d.batchSize,
  epochs: Number(process.env.BENCH_DENSE_EPOCHS ?? 2),
  seed: 7,
  trainRatings: Number(process.env.BENCH_DENSE_RATINGS ?? 120_000),
  testRatings: 40_000,
};
