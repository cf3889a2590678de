import { choiceCodec, defineParam, floatCodec, intCodec } from '../../../lib/param-codec';
import { DENSE_ACTIVATIONS } from './model/build-lstm-model';

/** The LSTM cell's options in share links (the seed is the notebook's). */
export const LSTM_PARAMS = {
  units: defineParam({
    key: 'lstm.units',
    cell: 'lstm',
    label: 'LSTM: units',
    codec: intCodec(1, 1024),
    field: { label: 'LSTM units' },
  }),
  layers: defineParam({
    key: 'lstm.layers',
    cell: 'lstm',
    label: 'LSTM: layers',
    codec: intCodec(1, 4),
    field: { label: 'LSTM layers' },
  }),
  dropout: defineParam({
    key: 'lstm.dropout',
    cell: 'lstm',
    label: 'LSTM: dropout',
    codec: floatCodec(0, 0.9),
    field: { label: 'Dropout', step: 0.05 },
  }),
  activation: defineParam({
    key: 'lstm.activation',
    cell: 'lstm',
    label: 'LSTM: activation',
    codec: choiceCodec(DENSE_ACTIVATIONS),
    field: { label: 'Dense activation', names: { sigmoid: 'sigmoid scaled to the ratings' } },
  }),
  learningRate: defineParam({
    key: 'lstm.lr',
    cell: 'lstm',
    label: 'LSTM: learning rate',
    codec: floatCodec(1e-5, 1),
    field: { label: 'Learning rate', step: 0.0001 },
  }),
  batchSize: defineParam({
    key: 'lstm.batch',
    cell: 'lstm',
    label: 'LSTM: batch size',
    codec: intCodec(1, 8192),
    field: { label: 'Batch size' },
  }),
  epochs: defineParam({
    key: 'lstm.epochs',
    cell: 'lstm',
    label: 'LSTM: epochs',
    codec: intCodec(1, 1000),
    field: { label: 'Epochs at most' },
  }),
  patience: defineParam({
    key: 'lstm.patience',
    cell: 'lstm',
    label: 'LSTM: patience',
    codec: intCodec(1, 100),
    field: { label: 'Patience' },
  }),
};

/** The Dense cell's options in share links. */
export const DENSE_PARAMS = {
  embeddingSize: defineParam({
    key: 'dense.embedding',
    cell: 'dense',
    label: 'Dense: embedding size',
    codec: intCodec(1, 512),
    field: { label: 'Embedding size' },
  }),
  dropout: defineParam({
    key: 'dense.dropout',
    cell: 'dense',
    label: 'Dense: dropout',
    codec: floatCodec(0, 0.9),
    field: { label: 'Dropout', step: 0.05 },
  }),
  learningRate: defineParam({
    key: 'dense.lr',
    cell: 'dense',
    label: 'Dense: learning rate',
    codec: floatCodec(1e-5, 1),
    field: { label: 'Learning rate', step: 0.0001 },
  }),
  batchSize: defineParam({
    key: 'dense.batch',
    cell: 'dense',
    label: 'Dense: batch size',
    codec: intCodec(1, 8192),
    field: { label: 'Batch size' },
  }),
  epochs: defineParam({
    key: 'dense.epochs',
    cell: 'dense',
    label: 'Dense: epochs',
    codec: intCodec(1, 1000),
    field: { label: 'Epochs at most' },
  }),
  patience: defineParam({
    key: 'dense.patience',
    cell: 'dense',
    label: 'Dense: patience',
    codec: intCodec(1, 100),
    field: { label: 'Patience' },
  }),
};
