import { askToStart, LONG_RUN_SECONDS } from './long-run';
import {
  cellDefinition,
  cellInputs,
  cellOrder,
  cellTitle,
  downstreamOf,
  markDownstreamStale,
  notebook,
  setCellStatus,
  type CellId,
  type CellStatus,
} from './notebook';

/** When each cell last started through this module, on a counter, so a sequence knows what it already ran. */
const started = new Map<CellId, number>();
let tick = 0;

function start(id: CellId): Promise<void> {
  started.set(id, ++tick);
  return cellDefinition(id).run();
}

/** Why `id` cannot run now, naming the cell to run first; null when its inputs are ready. */
export function missingInput(id: CellId): string | null {
  for (const input of cellInputs(id)) {
    const status = notebook.get()[input];
    if (status.kind === 'done') continue;
    const why =
      status.kind === 'stale'
        ? 'its result is stale'
        : status.kind === 'running'
          ? 'it is still running'
          : 'it has no result yet';
    return `Run the ${cellTitle(input)} cell first: ${cellTitle(id)} reads its result, and ${why}.`;
  }
  return null;
}

/**
 * Runs one cell if its inputs are ready, else says which cell to run first. A run the cell estimates longer
 * than a few minutes asks first, unless the person already saw its cost (`confirmed`, as from a link's plan).
 * Resolves true when it ended done.
 */
export async function runCell(id: CellId, options: { confirmed?: boolean } = {}): Promise<boolean> {
  const missing = missingInput(id);
  if (missing) {
    setCellStatus(id, { kind: 'error', message: missing });
    return false;
  }
  const estimate = cellDefinition(id).estimate?.();
  if (estimate?.refusal) {
    setCellStatus(id, { kind: 'error', message: estimate.refusal });
    return false;
  }
  if (estimate && estimate.seconds > LONG_RUN_SECONDS && !options.confirmed) {
    if (!(await askToStart(id, estimate.seconds))) return false;
  }
  await start(id);
  return notebook.get()[id].kind === 'done';
}

/**
 * Resolves once `id` is not running. It first lets pending microtasks run: a cell that just finished starts
 * the cells following it (`cellChanged`) synchronously after its status changes, and those must be seen.
 */
async function settled(id: CellId): Promise<CellStatus> {
  await Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      const status = notebook.get()[id];
      if (status.kind === 'running') return false;
      unsubscribe?.();
      resolve(status);
      return true;
    };
    let unsubscribe: (() => void) | null = null;
    if (!check()) unsubscribe = notebook.subscribe(() => void check());
  });
}

let sequence = 0;

/**
 * Runs the cells from `from` on (or only the cells in `only`), in pipeline order, skipping those already done
 * (up to date). With `force`
 * the first cell runs even when done ("run all from here"). Stops at the first cell that does not end done,
 * or when another sequence starts. Resolves true when every cell ended done.
 */
export async function runCells(
  options: { from?: CellId; force?: boolean; only?: readonly CellId[]; confirmed?: boolean } = {},
): Promise<boolean> {
  const mine = ++sequence;
  const since = tick;
  const order = cellOrder();
  const first = options.from ? order.indexOf(options.from) : 0;
  for (const [offset, id] of order.slice(first).entries()) {
    if (mine !== sequence) return false;
    // A link names the cells that had run; the others stay as they are.
    if (options.only && !options.only.includes(id)) continue;
    const status = await settled(id);
    const forced = options.force === true && offset === 0;
    if (status.kind === 'done' && !forced) continue;
    // It already ran in this sequence (following its input) and did not end done: do not repeat it.
    if ((started.get(id) ?? 0) > since) return false;
    if (!(await runCell(id, { confirmed: options.confirmed }))) return false;
  }
  return true;
}

/** Stops any sequence in progress after its current cell. */
export function stopRunning(): void {
  sequence++;
}

/**
 * A parameter of `id` changed: its result and everything downstream no longer match their inputs. Their
 * running work is cancelled (its result would be stale on arrival) and done cells are marked stale.
 */
export function paramsChanged(id: CellId): void {
  const affected = [id, ...downstreamOf(id)];
  const state = notebook.get();
  for (const cell of affected) {
    if (state[cell].kind === 'running') cellDefinition(cell).cancel?.();
  }
  const status = notebook.get()[id];
  if (status.kind === 'done') setCellStatus(id, { kind: 'stale', keyFigure: status.keyFigure });
  markDownstreamStale(id);
}

/** The notebook's seed changed: every cell that draws from it is stale. */
export function seedChanged(): void {
  for (const id of cellOrder()) if (cellDefinition(id).usesSeed) paramsChanged(id);
}

/**
 * Called when a cell has produced a new result: every cell that follows its inputs and reads this one runs
 * again, in pipeline order (each reports its own change, which carries the wave on); the rest turn stale.
 */
export async function cellChanged(id: CellId): Promise<void> {
  markDownstreamStale(id);
  const offersRows = cellDefinition(id).comparison !== undefined;
  for (const cell of cellOrder()) {
    const definition = cellDefinition(cell);
    if (!definition.followsInputs) continue;
    // Compare follows every model cell before it as well as its inputs: it shows their rows.
    const reads = definition.inputs.includes(id) || (offersRows && definition.readsComparisons);
    if (reads) await start(cell);
  }
}
