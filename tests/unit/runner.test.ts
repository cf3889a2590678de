import { beforeEach, describe, expect, it } from 'vitest';
import { notebook, setCellStatus, type CellId } from '../../src/app/state/notebook';
import {
  cellChanged,
  missingInput,
  paramsChanged,
  registerCellRunner,
  runCell,
  runCells,
} from '../../src/app/state/runner';

/** Runners that behave like the real cells: status running, then done (or error), then the change wave. */
function fakeCells(options: { subsetFails?: boolean } = {}) {
  const runs: CellId[] = [];
  const cancelled: CellId[] = [];
  const register = (id: CellId, followsInputs: boolean, fails = false) =>
    registerCellRunner(id, {
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
    });
  register('data', false);
  register('subset', true, options.subsetFails);
  return { runs, cancelled };
}

beforeEach(() => {
  setCellStatus('data', { kind: 'idle' });
  setCellStatus('subset', { kind: 'idle' });
});

describe('the notebook runner', () => {
  it('runs all cells in order once each, counting cells that followed their input', async () => {
    const { runs } = fakeCells();
    expect(await runCells()).toBe(true);
    expect(runs).toEqual(['data', 'subset']);
    expect(notebook.get().subset.kind).toBe('done');
    // Everything is up to date: run all does nothing more.
    expect(await runCells()).toBe(true);
    expect(runs).toEqual(['data', 'subset']);
  });

  it('runs from a cell even when it is done, and then what is not up to date', async () => {
    const { runs } = fakeCells();
    await runCells();
    expect(await runCells({ from: 'subset', force: true })).toBe(true);
    expect(runs).toEqual(['data', 'subset', 'subset']);
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
});
