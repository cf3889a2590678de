/** The data worker: parses and holds the ratings as typed arrays, and runs the data stages over them. */
import { expose } from 'comlink';
import { createBaselinesApi } from '../src/stages/baselines/worker/baselines-api';
import { createClusterApi } from '../src/stages/cluster/worker/cluster-api';
import { createExploreApi } from '../src/stages/explore/worker/explore-api';
import { createIngestApi } from '../src/stages/ingest/worker/ingest-api';
import { createPersistApi } from '../src/stages/notebook/worker/persist-api';
import { indexedDbEntryStore } from '../src/stages/notebook/worker/persist-db';
import { withReadableErrors } from '../src/stages/notebook/worker/persist-store';
import { createPrizeApi } from '../src/stages/prize/worker/prize-api';
import { createRecommendApi } from '../src/stages/recommend/worker/recommend-api';
import { createSubsetApi } from '../src/stages/subset/worker/subset-api';
import { createSequencesApi } from '../src/stages/windows/worker/sequences-api';
import { createWindowsExportApi } from '../src/stages/windows/worker/windows-export-api';
import { createTensorOps } from '../src/worker-kit/tensor-backend';
import { createDataWorkerState } from './data-worker-state';

const state = createDataWorkerState({
  tensorOps: createTensorOps(),
  store: withReadableErrors(indexedDbEntryStore()),
});

const api = {
  /** Answers the page's supervisor: the worker is alive and its event loop turns. */
  ping: async () => Date.now(),
  ...createIngestApi(state),
  ...createSubsetApi(state),
  ...createExploreApi(state),
  ...createClusterApi(state),
  ...createSequencesApi(state),
  ...createWindowsExportApi(state),
  ...createBaselinesApi(state),
  ...createPrizeApi(state),
  ...createRecommendApi(state),
  ...createPersistApi(state),
};

export type DataApi = typeof api;

expose(api);
