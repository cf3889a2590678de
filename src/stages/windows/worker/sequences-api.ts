import { transfer } from 'comlink';
import {
  buildCompactWindows,
  compactWindowsBuffers,
  compactWindowsBytes,
  copyCompactWindows,
  type CompactWindows,
} from '../compute/compact-windows';
import { exampleWindow, firstWindowWithRole } from '../compute/example-window';
import { windowDownloadSizes } from '../compute/export-windows';
import { prepareSplit } from '../compute/prepare-split';
import { featureNames } from '../compute/window-features';
import { TEST, TRAIN } from '../compute/window-split';
import type { SequencesRequest, SequencesResult, WindowsId } from '../contract';
import type { ClusterAssignments } from '../../cluster/worker/cluster-assignments';
import { heldSubset } from '../../../worker-kit/dataset-registry';
import { heldWindowsWithData, type WindowsWorkerState } from './windows-registry';

/** The Sequences cell's worker functions: build the windows of a subset, and hand the trainer a copy. */
export function createSequencesApi(
  state: WindowsWorkerState & { assignments: ClusterAssignments },
) {
  const { datasets: registry, windows: heldWindows, assignments } = state;
  return {
    buildSequences(request: SequencesRequest): SequencesResult {
      const started = Date.now();
      const held = heldSubset(registry, request.subsetId);
      const clusterOfMovie = assignments.assignment(request.subsetId);
      const clustering = assignments.assignmentRef(request.subsetId);
      if (!clusterOfMovie || !clustering)
        throw new Error(
          'Run the Cluster cell first and choose k: each window step shows its movie’s cluster.',
        );
      const { options } = request;
      const prepared = prepareSplit(
        held.data,
        { steps: options.steps, stride: options.stride, maxPerUser: options.maxPerUser },
        {
          kind: options.split,
          valFraction: options.valFraction,
          testFraction: options.testFraction,
          seed: request.seed,
        },
      );
      const featureOptions = {
        clusters: clustering.k,
        daysSincePrevious: options.daysSincePrevious,
        movieMean: options.movieMean,
      };
      const compact = buildCompactWindows({
        table: held.data.table,
        histories: prepared.histories,
        split: prepared.split,
        clusterOfMovie,
        options: featureOptions,
      });
      const id = heldWindows.newId();
      heldWindows.hold(
        {
          id,
          subsetId: request.subsetId,
          clustering,
          clusterOfMovie,
          prepared,
          compact,
          ratingModels: new Map(),
        },
        registry.ids(),
      );
      const { split, histories } = prepared;
      const examples = [TRAIN, TEST]
        .map((role) => firstWindowWithRole(split, role))
        .filter((w) => w >= 0)
        .map((w) =>
          exampleWindow(held.data.table, histories, split, clusterOfMovie, held.data.movies, w),
        );
      const windows = split.windows.count;
      const downloads = windowDownloadSizes({
        windows: compact,
        featureNames: featureNames(featureOptions),
        userIds: held.data.userIds,
        movieIds: held.data.movieIds,
      });
      const withWindows = new Set(split.windows.user).size;
      return {
        windowsId: id,
        subsetId: request.subsetId,
        clustering,
        options,
        seed: request.seed,
        steps: options.steps,
        featureNames: featureNames(featureOptions),
        windowCounts: split.windowCounts,
        ratingCounts: split.ratingCounts,
        usersWithWindows: withWindows,
        users: held.data.userIds.ids.length,
        movies: held.data.movieIds.ids.length,
        leakageNote: split.leakageNote,
        examples,
        bytes: compactWindowsBytes(compact),
        denseBytes: windows * options.steps * compact.features * 4,
        downloads,
        ms: Date.now() - started,
      };
    },

    /**
     * A copy of the windows for the training worker, transferred (no second copy on the way); the data worker
     * keeps the original, so terminating the trainer loses nothing.
     */
    copyWindows(windowsId: WindowsId): { windows: CompactWindows; users: number; movies: number } {
      const { held, data } = heldWindowsWithData(state, windowsId);
      const windows = copyCompactWindows(held.compact);
      return transfer(
        { windows, users: data.userIds.ids.length, movies: data.movieIds.ids.length },
        compactWindowsBuffers(windows),
      );
    },
  };
}
