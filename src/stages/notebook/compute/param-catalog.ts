import { BASELINE_PARAMS } from '../../baselines/compute/baseline-params';
import { CLUSTER_PARAMS } from '../../cluster/compute/cluster-params';
import { EXPLORE_PARAMS } from '../../explore/compute/explore-params';
import { SUBSET_PARAMS } from '../../subset/compute/subset-params';
import { DENSE_PARAMS, LSTM_PARAMS } from '../../train/compute/model-params';
import { TUNE_PARAMS } from '../../tune/compute/tune-params';
import { SEQUENCE_PARAMS } from '../../windows/compute/sequence-params';
import type { ParamSpec } from './param-codec';

/**
 * Every cell parameter that share links carry, in the order links write them. A stage adds its own
 * `<STAGE>_PARAMS` here (one line) when its cell lands; the cell's UI binds them to its store.
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
