import { CELL_INPUTS, CELL_ORDER, markDownstreamStale, type CellId } from './notebook';

/**
 * How each cell runs, registered by the cell's own module, so that the notebook can run a cell, and the
 * cells that read from it, without knowing what they do.
 */
export interface CellRunner {
  run: () => Promise<void>;
  /** Re-run on its own when an input cell finishes (cheap cells such as Subset); others turn stale. */
  followsInputs: boolean;
}

const runners = new Map<CellId, CellRunner>();

export function registerCellRunner(id: CellId, runner: CellRunner): void {
  runners.set(id, runner);
}

export async function runCell(id: CellId): Promise<void> {
  await runners.get(id)?.run();
}

/**
 * Called when a cell has produced a new result: cells that follow their inputs run again, in pipeline
 * order; the rest are marked stale.
 */
export async function cellChanged(id: CellId): Promise<void> {
  markDownstreamStale(id);
  for (const cell of CELL_ORDER) {
    const runner = runners.get(cell);
    if (runner?.followsInputs && CELL_INPUTS[cell].includes(id)) {
      await runner.run();
      return; // the re-run cell reports its own change, which carries the wave on
    }
  }
}
