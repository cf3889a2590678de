import { optionParams } from '../../../app/state/param-bindings';
import {
  DEFAULT_PRIZE_OPTIONS,
  PRIZE_PARAMS,
  type PrizeCellOptions,
} from '../compute/prize-params';
import { prizeStore, type PrizeCellState } from './prize-store';

/** The Prize models cell's options in share links (the probe file, like all data, never travels). */
export const prizeParams = optionParams<PrizeCellOptions, PrizeCellState>({
  store: prizeStore,
  table: PRIZE_PARAMS,
  defaults: DEFAULT_PRIZE_OPTIONS,
  get: () => prizeStore.get().options,
  set: (options) => prizeStore.set({ options }),
});
