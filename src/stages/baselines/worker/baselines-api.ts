import { ratingSetsFromSplit } from '../compute/rating-set';
import { trainRatingModel } from '../compute/train-rating-model';
import type { BaselinesProgress, BaselinesRequest, RatingModelReport } from '../contract';
import type { RunTokens } from '../../../worker-kit/run-tokens';
import {
  heldWindowsWithData,
  type WindowsWorkerState,
} from '../../windows/worker/windows-registry';

/** A zero-delay task boundary, so a cancel message reaches the worker between SGD epochs. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The Baselines cell's worker function. The rating models run here, where the ratings are: they train on the
 * split's training ratings and are scored on the test window labels; the fitted models stay here for Recommend.
 */
export function createBaselinesApi(state: WindowsWorkerState & { runs: RunTokens }) {
  const { runs } = state;
  return {
    async trainBaselines(
      request: BaselinesRequest,
      onProgress?: (progress: BaselinesProgress) => void,
    ): Promise<RatingModelReport[]> {
      const { held, data } = heldWindowsWithData(state, request.windowsId);
      const sets = ratingSetsFromSplit(
        data.table,
        held.prepared.split,
        data.userIds.ids.length,
        data.movieIds.ids.length,
      );
      const cancel = runs.start(request.runId);
      const reports: RatingModelReport[] = [];
      try {
        for (const kind of request.models) {
          if (cancel.cancelled) break;
          onProgress?.({ kind: 'model', model: kind });
          await nextTask();
          const { model, report } = await trainRatingModel(kind, sets, request.settings, {
            onEpoch: (epoch) => onProgress?.({ ...epoch, model: kind }),
            cancel,
            yieldBetweenEpochs: nextTask,
          });
          held.ratingModels.set(kind, model);
          reports.push(report);
          onProgress?.({ kind: 'report', report });
        }
        return reports;
      } finally {
        runs.finish(request.runId);
      }
    },
  };
}
