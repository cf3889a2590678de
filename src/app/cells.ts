/**
 * The notebook: its cells in the order of the study. Each stage declares its cell in one file
 * (`src/stages/<stage>/ui/cell.ts`); this list is the only place outside the stages that names them, and
 * status, staleness, "run this first", Run all, share links and storage all follow from it.
 */
import type { AnyCellDefinition } from './state/cell-definition';
export { dataCell } from '../stages/ingest/ui/cell';
import { dataCell } from '../stages/ingest/ui/cell';
export { subsetCell } from '../stages/subset/ui/cell';
import { subsetCell } from '../stages/subset/ui/cell';
export { exploreCell } from '../stages/explore/ui/cell';
import { exploreCell } from '../stages/explore/ui/cell';
export { clusterCell } from '../stages/cluster/ui/cell';
import { clusterCell } from '../stages/cluster/ui/cell';
export { sequencesCell } from '../stages/windows/ui/cell';
import { sequencesCell } from '../stages/windows/ui/cell';
export { lstmCell } from '../stages/train/ui/lstm-cell';
import { lstmCell } from '../stages/train/ui/lstm-cell';
export { tuneCell } from '../stages/tune/ui/cell';
import { tuneCell } from '../stages/tune/ui/cell';
export { baselinesCell } from '../stages/baselines/ui/cell';
import { baselinesCell } from '../stages/baselines/ui/cell';
export { denseCell } from '../stages/train/ui/dense-cell';
import { denseCell } from '../stages/train/ui/dense-cell';
export { prizeCell } from '../stages/prize/ui/cell';
import { prizeCell } from '../stages/prize/ui/cell';
export { compareCell } from '../stages/compare/ui/cell';
import { compareCell } from '../stages/compare/ui/cell';
export { recommendCell } from '../stages/recommend/ui/cell';
import { recommendCell } from '../stages/recommend/ui/cell';

export const NOTEBOOK_CELLS: readonly AnyCellDefinition[] = [
  dataCell,
  subsetCell,
  exploreCell,
  clusterCell,
  sequencesCell,
  lstmCell,
  tuneCell,
  baselinesCell,
  denseCell,
  prizeCell,
  compareCell,
  recommendCell,
];

/** The Data cell's actions the shell offers elsewhere (the notices, storage, an opened link). */
export { adoptDataset, chooseFiles, loadSample } from '../stages/ingest/ui/data-actions';
