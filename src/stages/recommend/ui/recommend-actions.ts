import { readResult, setCellStatus } from '../../../app/state/notebook';
import { seedStore } from '../../../app/state/seed';
import { dataWorkerApi } from '../../../app/workers/data-client';
import { onTrainWorker } from '../../../app/workers/train-client';
import { RATING_MODEL_NAMES } from '../../baselines/contract';
import type { ModelRanking } from './recommend-store';
import { recommendStore } from './recommend-store';

/** The models kept in the training worker, by Compare row id, and how they are named and scored. */
const TRAINED_MODELS = [
  { id: 'lstm', name: 'LSTM on clusters', inputs: 'lstm' as const },
  { id: 'lstm-tuned', name: 'LSTM (tuned)', inputs: 'lstm' as const },
  { id: 'dense', name: 'Dense on embeddings', inputs: 'pairs' as const },
];

export async function recommendFor(user: number): Promise<void> {
  const sequences = readResult('sequences');
  if (!sequences) {
    setCellStatus('recommend', {
      kind: 'error',
      message: 'Run the Sequences cell first, then train a model.',
    });
    return;
  }
  const startedAt = performance.now();
  recommendStore.set({ user, loading: true, message: null });
  setCellStatus('recommend', { kind: 'running', label: 'scoring', fraction: null, startedAt });
  try {
    const inputs = await dataWorkerApi().recommendInputs({ windowsId: sequences.windowsId, user });
    const rankings: ModelRanking[] = inputs.ratingModelScores.map(({ model, scores }) => ({
      id: model,
      name: RATING_MODEL_NAMES[model],
      scores,
    }));
    const compared = readResult('compare');
    const trained = new Set(
      compared.windowsId === sequences.windowsId ? compared.rows.map((r) => r.id) : [],
    );
    for (const model of TRAINED_MODELS.filter((m) => trained.has(m.id))) {
      const modelInputs = model.inputs === 'lstm' ? inputs.lstmInputs : inputs.pairInputs;
      if (!modelInputs) {
        rankings.push({
          id: model.id,
          name: model.name,
          scores: new Float32Array(0),
          note: 'this user has too few ratings for a window',
        });
        continue;
      }
      const scores = await onTrainWorker((api) => api.predict(model.id, modelInputs));
      rankings.push({ id: model.id, name: model.name, scores });
    }
    recommendStore.set({ inputs, rankings, loading: false });
    setCellStatus('recommend', {
      kind: 'done',
      keyFigure: `user ${inputs.userId}: ${rankings.length} model${rankings.length === 1 ? '' : 's'}`,
      ms: performance.now() - startedAt,
    });
  } catch (error) {
    recommendStore.set({ loading: false });
    setCellStatus('recommend', { kind: 'error', message: (error as Error).message });
  }
}

export async function recommendForId(id: string): Promise<void> {
  const sequences = readResult('sequences');
  if (!sequences) return;
  const user = await dataWorkerApi().findUser(sequences.windowsId, id);
  if (user === null) {
    recommendStore.set({ message: `No user with id “${id}” is in the subset.` });
    return;
  }
  await recommendFor(user);
}

export async function recommendForRandomUser(): Promise<void> {
  const sequences = readResult('sequences');
  if (!sequences) return;
  // A different user each time, reproducible from the seed and the number of draws.
  const draws = (recommendStore.get().user ?? 0) + 1;
  const user = await dataWorkerApi().randomUser(
    sequences.windowsId,
    seedStore.get().seed * 7919 + draws,
  );
  await recommendFor(user);
}
