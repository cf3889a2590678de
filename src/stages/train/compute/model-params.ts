import { choiceCodec, defineParam, floatCodec, intCodec } from '../../notebook/compute/param-codec';
import { DENSE_ACTIVATIONS } from './model/build-lstm-model';

/** The LSTM cell's options in share links (the seed is the notebook's). */
export const LSTM_PARAMS = {
  units: defineParam({
    key: 'lstm.units',
    cell: 'lstm',
    label: 'LSTM: units',
    codec: intCodec(1, 1024),
  }),
  layers: defineParam({
    key: 'lstm.layers',
    cell: 'lstm',
    label: 'LSTM: layers',
    codec: intCodec(1, 4),
  }),
  dropout: defineParam({
    key: 'lstm.dropout',
    cell: 'lstm',
    label: 'LSTM: dropout',
    codec: floatCodec(0, 0.9),
  }),
  activation: defineParam({
    key: 'lstm.activation',
    cell: 'lstm',
    label: 'LSTM: activation',
    codec: choiceCodec(DENSE_ACTIVATIONS),
  }),
  learningRate: defineParam({
    key: 'lstm.lr',
    cell: 'lstm',
    label: 'LSTM: learning rate',
    codec: floatCodec(1e-5, 1),
  }),
  batchSize: defineParam({
    key: 'lstm.batch',
    cell: 'lstm',
    label: 'LSTM: batch size',
    codec: intCodec(1, 8192),
  }),
  epochs: defineParam({
    key: 'lstm.epochs',
    cell: 'lstm',
    label: 'LSTM: epochs',
    codec: intCodec(1, 1000),
  }),
  patience: defineParam({
    key: 'lstm.patience',
    cell: 'lstm',
    label: 'LSTM: patience',
    codec: intCodec(1, 100),
  }),
};

/** The Dense cell's options in share links. */
export const DENSE_PARAMS = {
  embeddingSize: defineParam({
    key: 'dense.embedding',
    cell: 'dense',
    label: 'Dense: embedding size',
    codec: intCodec(1, 512),
  }),
  dropout: defineParam({
    key: 'dense.dropout',
    cell: 'dense',
    label: 'Dense: dropout',
    codec: floatCodec(0, 0.9),
  }),
  learningRate: defineParam({
    key: 'dense.lr',
    cell: 'dense',
    label: 'Dense: learning rate',
    codec: floatCodec(1e-5, 1),
  }),
  batchSize: defineParam({
    key: 'dense.batch',
    cell: 'dense',
    label: 'Dense: batch size',
    codec: intCodec(1, 8192),
  }),
  epochs: defineParam({
    key: 'dense.epochs',
    cell: 'dense',
    label: 'Dense: epochs',
    codec: intCodec(1, 1000),
  }),
  patience: defineParam({
    key: 'dense.patience',
    cell: 'dense',
    label: 'Dense: patience',
    codec: intCodec(1, 100),
  }),
};
