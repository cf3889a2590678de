/** The training worker: owns tfjs and its backend; trains on windows it is given and streams progress. */
import { expose } from 'comlink';
import { createTrainApi } from '../src/stages/train/worker/train-api';
import { createTuneApi } from '../src/stages/tune/worker/tune-api';
import { createTrainWorkerState } from './train-worker-state';

const state = createTrainWorkerState();

const api = {
  /** Answers the page's supervisor: the worker is alive and its event loop turns. */
  ping: async () => Date.now(),
  ...createTrainApi(state),
  ...createTuneApi(state),
};

export type TrainApi = typeof api;

expose(api);
