import { fromStore, type CellDefinition } from '../../../app/state/cell-definition';
import type { PrizeModelRowResult } from '../contract';
import { cancelPrize, runPrize } from './prize-actions';
import { PrizeCell } from './PrizeCell';
import { prizeParams } from './prize-link';
import { prizeStore } from './prize-store';

declare module '../../../app/state/cell-definition' {
  interface CellResults {
    /** Each Prize model's held-out and top-10 scores, on every rating. */
    prize: readonly PrizeModelRowResult[];
  }
}

/** The Prize's own methods on every loaded rating, under the Prize's protocol. */
export const prizeCell: CellDefinition<'prize'> = {
  id: 'prize',
  title: 'Prize models',
  inputs: ['data'],
  Component: PrizeCell,
  run: runPrize,
  cancel: cancelPrize,
  followsInputs: false,
  usesSeed: true,
  params: [prizeParams],
  result: fromStore(prizeStore, (state) => state.rows),
  comparison: fromStore(prizeStore, (state) => state.compared),
};
