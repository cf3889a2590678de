import type { DenseActivation } from './model/build-lstm-model';

/** The LSTM cell's (and the CLI's) options: the report's first model (1 layer of 228 units, swish, Adam). */
export interface LstmCellOptions {
  units: number;
  layers: number;
  dropout: number;
  activation: DenseActivation;
  learningRate: number;
  batchSize: number;
  epochs: number;
  patience: number;
}

export const DEFAULT_LSTM_CELL_OPTIONS: LstmCellOptions = {
  units: 228,
  layers: 1,
  dropout: 0,
  activation: 'swish',
  learningRate: 1e-3,
  batchSize: 256,
  epochs: 50,
  patience: 5,
};

/** The Dense cell's (and the CLI's) options: the report's best model, on user and movie embeddings. */
export interface DenseCellOptions {
  embeddingSize: number;
  dropout: number;
  learningRate: number;
  batchSize: number;
  epochs: number;
  patience: number;
}

export const DEFAULT_DENSE_CELL_OPTIONS: DenseCellOptions = {
  embeddingSize: 64,
  dropout: 0.2,
  learningRate: 1e-3,
  batchSize: 256,
  epochs: 50,
  patience: 3,
};
