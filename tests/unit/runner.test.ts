import { beforeEach, describe, expect, it } from 'vitest';
import { NOTEBOOK_CELLS } from '../../src/app/cells';
import type { AnyCellDefinition } from '../../src/app/state/cell-definition';
import {
  downstreamOf,
  installNotebook,
  notebook,
  setCellStatus,
  type CellId,
} from '../../src/app/state/notebook';
import { LONG_RUN_SECONDS, longRunStore } from '../../src/app/state/long-run';
import {
  cellChanged,
  missingInput,
  paramsChanged,
  runCell,
  runCells,
} from '../../src/app/state/runner';

const CELL_ORDER = NOTEBOOK_CELLS.map((cell) => cell.id);

/** Runners that behave like the real cells: status running, then done (or error), then the change wave. */
function fakeCells(options: { subsetFails?: boolean } = {}) {
  const runs: CellId[] = [];
  const cancelled: CellId[] = [];
  // The notebook's own cells (ids, titles, inputs), with runs of their own.
  const fake = (cell: AnyCellDefinition, followsInputs: boolean, fails = false) => {
    const id = cell.id;
    return {
      ...cell,
      followsInputs,
      cancel: () => cancelled.push(id),
      run: async () => {
        runs.push(id);
        setCellStatus(id, { kind: 'running', label: id, fraction: null, startedAt: 0 });
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (fails) {
          setCellStatus(id, { kind: 'error', message: `${id} failed` });
          return;
        }
        setCellStatus(id, { kind: 'done', keyFigure: `${id} ok`, ms: 5 });
        await cellChanged(id);
      },
    } as AnyCellDefinition;
  };
  // Subset follows its input, as the real one does; every other cell waits to be run.
  installNotebook(
    NOTEBOOK_CELLS.map((cell) =>
      fake(cell, cell.id === 'subset', cell.id === 'subset' && options.subsetFails),
    ),
  );
  return { runs, cancelled };
}

beforeEach(() => {
  installNotebook(NOTEBOOK_CELLS);
  for (const id of CELL_ORDER) setCellStatus(id, { kind: 'idle' });
});

describe('the notebook runner', () => {
  it('runs all cells in order once each, counting cells that followed their input', async () => {
    const { runs } = fakeCells();
    expect(await runCells()).toBe(true);
    expect(runs).toEqual([...CELL_ORDER]);
    expect(notebook.get().subset.kind).toBe('done');
    // Everything is up to date: run all does nothing more.
    expect(await runCells()).toBe(true);
    expect(runs).toEqual([...CELL_ORDER]);
  });

  it('runs from a cell even when it is done, and then what is not up to date', async () => {
    const { runs } = fakeCells();
    await runCells();
    expect(await runCells({ from: 'subset', force: true })).toBe(true);
    // Subset again, then what it made stale.
    expect(runs).toEqual([...CELL_ORDER, 'subset', ...downstreamOf('subset')]);
  });

  it('runs only the cells a link names, in pipeline order', async () => {
    const { runs } = fakeCells();
    const named = [CELL_ORDER[0], CELL_ORDER[1]];
    expect(await runCells({ only: named })).toBe(true);
    expect(runs).toEqual(named);
    expect(notebook.get()[CELL_ORDER[2]].kind).toBe('idle');
  });

  it('says which cell to run first when inputs are missing or stale', async () => {
    fakeCells();
    expect(missingInput('subset')).toBe(
      'Run the Data cell first: Subset reads its result, and it has no result yet.',
    );
    expect(await runCell('subset')).toBe(false);
    expect(notebook.get().subset).toEqual({
      kind: 'error',
      message: 'Run the Data cell first: Subset reads its result, and it has no result yet.',
    });
    setCellStatus('data', { kind: 'stale', keyFigure: 'x' });
    expect(missingInput('subset')).toMatch(/and its result is stale\.$/);
  });

  it('marks a cell and what follows stale when a parameter changes, cancelling running work', async () => {
    const { cancelled } = fakeCells();
    await runCells();
    paramsChanged('data');
    expect(notebook.get().data).toEqual({ kind: 'stale', keyFigure: 'data ok' });
    expect(notebook.get().subset).toEqual({ kind: 'stale', keyFigure: 'subset ok' });
    expect(cancelled).toEqual([]);

    setCellStatus('subset', { kind: 'running', label: 'x', fraction: null, startedAt: 0 });
    paramsChanged('data');
    expect(cancelled).toEqual(['subset']);
  });

  it('stops at the first cell that does not end done', async () => {
    const { runs } = fakeCells({ subsetFails: true });
    expect(await runCells()).toBe(false);
    expect(runs).toEqual(['data', 'subset']);
    expect(notebook.get().subset.kind).toBe('error');
  });

  it('asks before a long run, refuses one that does not fit, and skips the question when confirmed', async () => {
    const { runs } = fakeCells();
    const lstm = NOTEBOOK_CELLS.find((cell) => cell.id === 'lstm')!;
    let estimate = { seconds: LONG_RUN_SECONDS + 1, refusal: null as string | null };
    installNotebook(
      NOTEBOOK_CELLS.map((cell) =>
        cell.id === 'lstm'
          ? ({
              ...lstm,
              followsInputs: false,
              estimate: () => estimate,
              run: async () => {
                runs.push('lstm');
                setCellStatus('lstm', { kind: 'done', keyFigure: 'ok', ms: 1 });
              },
            } as AnyCellDefinition)
          : cell,
      ),
    );
    setCellStatus('sequences', { kind: 'done', keyFigure: 'x', ms: 1 });
    const asked = runCell('lstm');
    await Promise.resolve();
    expect(longRunStore.get().pending?.id).toBe('lstm');
    longRunStore.get().pending!.answer(false);
    expect(await asked).toBe(false);
    expect(runs).not.toContain('lstm');

    const yes = runCell('lstm');
    await Promise.resolve();
    longRunStore.get().pending!.answer(true);
    expect(await yes).toBe(true);
    expect(runs).toContain('lstm');

    setCellStatus('lstm', { kind: 'idle' });
    expect(await runCell('lstm', { confirmed: true })).toBe(true);
    expect(longRunStore.get().pending).toBeNull();

    estimate = {
      seconds: 1,
      refusal: 'One training batch would take 3.0 GiB: lower the batch size.',
    };
    expect(await runCell('lstm')).toBe(false);
    expect(notebook.get().lstm).toEqual({ kind: 'error', message: estimate.refusal });
  });
});
