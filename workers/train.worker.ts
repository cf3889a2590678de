/** The training worker: owns tfjs and its backend; trains on windows it is given and streams progress. */
import { expose } from 'comlink';
import { createTrainApi } from '../src/stages/train/worker/train-api';

const api = createTrainApi();

export type TrainApi = typeof api;

expose(api);
