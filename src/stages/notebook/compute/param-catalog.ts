import { BASELINE_PARAMS } from '../../baselines/compute/baseline-params';
import { CLUSTER_PARAMS } from '../../cluster/compute/cluster-params';
import { EXPLORE_PARAMS } from '../../explore/compute/explore-params';
import { SUBSET_PARAMS } from '../../subset/compute/subset-params';
import { DENSE_PARAMS, LSTM_PARAMS } from '../../train/compute/model-params';
import { TUNE_PARAMS } from '../../tune/compute/tune-params';
import { SEQUENCE_PARAMS } from '../../windows/compute/sequence-params';
import type { ParamSpec } from '../../../lib/param-codec';

/**
 * Every cell parameter, for the programs that run without the page: the command line and the Python export.
 * The page's share links take theirs from the cell list (`src/app/cells.ts`); a unit test keeps the two equal,
 * in the order links write them.
 */
export const PARAM_CATALOG: readonly ParamSpec[] = [
  ...Object.values(SUBSET_PARAMS),
  ...Object.values(EXPLORE_PARAMS),
  ...Object.values(CLUSTER_PARAMS),
  ...Object.values(SEQUENCE_PARAMS),
  ...Object.values(LSTM_PARAMS),
  ...Object.values(TUNE_PARAMS),
  ...Object.values(BASELINE_PARAMS),
  ...Object.values(DENSE_PARAMS),
];
