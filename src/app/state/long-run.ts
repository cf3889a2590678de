import { createStore } from '../../ui-kit/store';
import type { CellId } from './cell-definition';

/** Runs estimated longer than this ask first: three minutes, about what a person waits without asking. */
export const LONG_RUN_SECONDS = 180;

interface PendingStart {
  id: CellId;
  seconds: number;
  answer: (start: boolean) => void;
}

/** The cell waiting for the person to say whether its long run should start. */
export const longRunStore = createStore<{ pending: PendingStart | null }>({ pending: null });

/** Asks, in the cell, whether a run of about `seconds` should start; resolves with the answer. */
export function askToStart(id: CellId, seconds: number): Promise<boolean> {
  longRunStore.get().pending?.answer(false);
  return new Promise((resolve) => {
    longRunStore.set({
      pending: {
        id,
        seconds,
        answer: (start) => {
          longRunStore.set({ pending: null });
          resolve(start);
        },
      },
    });
  });
}
