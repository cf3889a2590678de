/** The data worker: parses and holds the ratings as typed arrays, and runs the data stages over them. */
import { expose } from 'comlink';
import { RunTokens } from './data/cancellation';
import { createClusterApi } from './data/cluster-api';
import { createExploreApi } from './data/explore-api';
import { createIngestApi } from './data/ingest-api';
import { createPersistApi } from './data/persist-api';
import { indexedDbEntryStore } from './data/persist-db';
import { withReadableErrors } from './data/persist-store';
import { DatasetRegistry } from './data/registry';
import { createSubsetApi } from './data/subset-api';
import { createBaselinesApi } from './data/baselines-api';
import { createRecommendApi } from './data/recommend-api';
import { createSequencesApi } from './data/sequences-api';
import { tensorOps } from './data/tensor-backend';
import { createWindowsExportApi } from './data/windows-export-api';

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
