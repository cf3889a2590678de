import { onTrainWorker } from '../workers/train-client';
import { downloadBlob } from '../../ui-kit/download';

/** Downloads a kept model as model.json and its weights file, the tfjs layers format. */
export async function downloadModel(modelKey: string): Promise<void> {
  const exported = await onTrainWorker((api) => api.exportModel(modelKey));
  downloadBlob(
    new Blob([exported.modelJson], { type: 'application/json' }),
    `${modelKey}.model.json`,
  );
  downloadBlob(
    new Blob([exported.weights], { type: 'application/octet-stream' }),
    exported.weightsFileName,
  );
}
