/** The data worker: parses and holds the ratings as typed arrays, and runs the data stages over them. */
import { expose } from 'comlink';
import { RunTokens } from './data/cancellation';
import { createIngestApi } from './data/ingest-api';
import { createPersistApi } from './data/persist-api';
import { indexedDbEntryStore } from './data/persist-db';
import { withReadableErrors } from './data/persist-store';
import { DatasetRegistry } from './data/registry';
import { createSubsetApi } from './data/subset-api';

const registry = new DatasetRegistry();
const runs = new RunTokens();

const api = {
  ...createIngestApi(registry, runs),
  ...createSubsetApi(registry),
  ...createPersistApi(registry, withReadableErrors(indexedDbEntryStore())),
};

export type DataApi = typeof api;

expose(api);
