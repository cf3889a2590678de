import { optionParams } from '../../../app/state/param-bindings';
import { DENSE_PARAMS, LSTM_PARAMS } from '../compute/model-params';
import { DEFAULT_DENSE_CELL_OPTIONS, denseOptionsStore, type DenseCellOptions } from './dense-run';
import { DEFAULT_LSTM_CELL_OPTIONS, lstmOptionsStore, type LstmCellOptions } from './lstm-run';

/** The LSTM and Dense cells' options in share links. */
export const lstmParams = optionParams<LstmCellOptions, { options: LstmCellOptions }>({
  store: lstmOptionsStore,
  defaults: DEFAULT_LSTM_CELL_OPTIONS,
  get: () => lstmOptionsStore.get().options,
  set: (options) => lstmOptionsStore.set({ options }),
  table: LSTM_PARAMS,
});

export const denseParams = optionParams<DenseCellOptions, { options: DenseCellOptions }>({
  store: denseOptionsStore,
  defaults: DEFAULT_DENSE_CELL_OPTIONS,
  get: () => denseOptionsStore.get().options,
  set: (options) => denseOptionsStore.set({ options }),
  table: DENSE_PARAMS,
});
