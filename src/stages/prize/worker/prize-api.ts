import { BadLineLog } from '../../ingest/compute/bad-lines';
import type { DatasetId } from '../../../lib/ids';
import type { DatasetRegistry } from '../../../worker-kit/dataset-registry';
import type { RunTokens } from '../../../worker-kit/run-tokens';
import { fileRatingSource } from '../../ingest/worker/browser-sources';
import { estimateDataBytes, estimateModelBytes } from '../compute/model-memory';
import { prizeDims } from '../compute/prize-data';
import { preparePrizeProtocol, runPrizeModels, type PreparedProtocol } from '../compute/run-prize';
import { readPairList } from '../compute/read-pair-list';
import type { PrizeModelRowResult, PrizePlan, PrizeProgress, PrizeRunRequest } from '../contract';

/**
 * The most a Prize model's arrays may take in the data worker, beside the ratings: a quarter of a wasm32-sized
 * 4 GiB tab, so that the ratings (11 bytes each), the split (about 7) and one model fit on an 8 GB machine.
 */
export const PRIZE_MODEL_BUDGET_BYTES = 1024 ** 3;

/** A zero-delay task boundary between epochs, so a cancel message reaches the worker. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The split of the current dataset the Prize models last used, kept for the next run on the same files. */
export interface PrizeWorkerState {
  prepared: {
    datasetId: DatasetId;
    probeName: string | null;
    probeSize: number | null;
    prepared: PreparedProtocol;
    plan: Omit<PrizePlan, 'models'>;
  } | null;
}

export function createPrizeWorkerState(): PrizeWorkerState {
  return { prepared: null };
}

/**
 * The Prize models cell's worker function. It trains where the ratings are, on every rating of the loaded
 * dataset (never the subset), under the Prize's protocol: the probe file when the person gave one, else each
 * user's last 9 ratings.
 */
export function createPrizeApi(state: {
  datasets: DatasetRegistry;
  runs: RunTokens;
  prize: PrizeWorkerState;
}) {
  async function prepare(request: Pick<PrizeRunRequest, 'datasetId' | 'probe'>) {
    const held = state.prize.prepared;
    const probe = request.probe;
    if (
      held &&
      held.datasetId === request.datasetId &&
      held.probeName === (probe?.name ?? null) &&
      held.probeSize === (probe?.size ?? null)
    )
      return held;
    state.prize.prepared = null;
    const { data } = state.datasets.get(request.datasetId);
    const badLines = new BadLineLog();
    const pairs = probe
      ? await readPairList({ source: fileRatingSource(probe), kind: 'probe', data, badLines })
      : null;
    const prepared = preparePrizeProtocol({
      table: data.table,
      users: data.userIds.ids.length,
      movies: data.movieIds.ids.length,
      probe: pairs,
    });
    const dims = prizeDims(prepared.data);
    const kept = {
      datasetId: request.datasetId,
      probeName: probe?.name ?? null,
      probeSize: probe?.size ?? null,
      prepared,
      plan: {
        protocol: prepared.protocol,
        trainRatings: prepared.trainRatings,
        heldOutRatings: prepared.heldOutRatings,
        probePairsNotFound: prepared.probePairsNotFound,
        skippedProbeLines: badLines.count,
        badLines: badLines.samples,
        dataBytes: estimateDataBytes(dims),
      },
    };
    state.prize.prepared = kept;
    return kept;
  }

  /** The split and what every model would take, before anything is trained. */
  async function planModels(
    request: Pick<PrizeRunRequest, 'datasetId' | 'probe' | 'models'>,
  ): Promise<PrizePlan> {
    const held = await prepare(request);
    const dims = prizeDims(held.prepared.data);
    return {
      ...held.plan,
      models: request.models.map((model) => {
        const bytes = estimateModelBytes(model, dims);
        const over = bytes > PRIZE_MODEL_BUDGET_BYTES;
        return {
          kind: model.kind,
          bytes,
          refusal: over
            ? `${model.kind} with f = ${model.factors} needs ${(bytes / 1024 ** 3).toFixed(1)} GiB, more than the 1 GiB a model may take here: lower the factors.`
            : null,
        };
      }),
    };
  }

  return {
    planPrizeModels: planModels,

    async trainPrizeModels(
      request: PrizeRunRequest,
      onProgress?: (progress: PrizeProgress) => void,
    ): Promise<{ plan: PrizePlan; rows: PrizeModelRowResult[] }> {
      const token = state.runs.start(request.runId);
      try {
        const plan = await planModels(request);
        onProgress?.({ kind: 'plan', plan });
        const refused = plan.models.find((model) => model.refusal);
        if (refused) throw new Error(refused.refusal!);
        const { prepared } = state.prize.prepared!;
        const rows: PrizeModelRowResult[] = [];
        for (const [index, model] of request.models.entries()) {
          onProgress?.({ kind: 'model', model: model.kind, index });
          await nextTask();
          const [row] = await runPrizeModels({
            prepared,
            models: [model],
            rankUsers: request.rankUsers,
            rankSeed: request.seed,
            onEpoch: (epoch) => onProgress?.(epoch),
            signal: {
              get aborted() {
                return token.cancelled;
              },
            },
            budgetBytes: PRIZE_MODEL_BUDGET_BYTES,
            yieldBetweenEpochs: nextTask,
          });
          rows.push(row);
          onProgress?.({ kind: 'row', row });
        }
        // The answer, not the progress messages, is what the page keeps: those travel on another port and
        // may arrive after it.
        return { plan, rows };
      } finally {
        state.runs.finish(request.runId);
      }
    },
  };
}
