/** The data worker: parses and holds the ratings as typed arrays, and runs the data stages over them. */
import { expose } from 'comlink';
import { RunTokens } from '../src/worker-kit/run-tokens';
import { createClusterApi } from '../src/stages/cluster/worker/cluster-api';
import { createExploreApi } from '../src/stages/explore/worker/explore-api';
import { createIngestApi } from '../src/stages/ingest/worker/ingest-api';
import { createPersistApi } from '../src/stages/notebook/worker/persist-api';
import { indexedDbEntryStore } from '../src/stages/notebook/worker/persist-db';
import { withReadableErrors } from '../src/stages/notebook/worker/persist-store';
import { DatasetRegistry } from '../src/worker-kit/dataset-registry';
import { createSubsetApi } from '../src/stages/subset/worker/subset-api';
import { createBaselinesApi } from '../src/stages/baselines/worker/baselines-api';
import { createRecommendApi } from '../src/stages/recommend/worker/recommend-api';
import { createSequencesApi } from '../src/stages/windows/worker/sequences-api';
import { tensorOps } from '../src/worker-kit/tensor-backend';
import { createWindowsExportApi } from '../src/stages/windows/worker/windows-export-api';

const registry = new DatasetRegistry();
const runs = new RunTokens();

const api = {
  ...createIngestApi(registry, runs),
  ...createSubsetApi(registry),
  ...createExploreApi(registry, runs, tensorOps),
  ...createClusterApi(registry, runs, tensorOps),
  ...createSequencesApi(registry),
  ...createWindowsExportApi(registry),
  ...createBaselinesApi(registry, runs),
  ...createRecommendApi(registry),
  ...createPersistApi(registry, withReadableErrors(indexedDbEntryStore())),
};

export type DataApi = typeof api;

expose(api);
