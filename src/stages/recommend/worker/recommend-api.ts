import { transfer } from 'comlink';
import { createRng } from '../../../lib/rng';
import { formatDay } from '../../../lib/days';
import { idAt } from '../../ingest/compute/id-index';
import { candidateWindows, unseenMovies } from '../compute/candidate-windows';
import type { HistoryPoint, RecommendInputs, RecommendRequest } from '../contract';
import { trainingMovieMeans } from '../../windows/compute/window-features';
import { TEST, TRAIN, VALIDATION } from '../../windows/compute/window-split';
import type { WindowsId } from '../../windows/contract';
import {
  heldWindowsWithData,
  type WindowsWorkerState,
} from '../../windows/worker/windows-registry';

const ROLE_NAMES = { [TRAIN]: 'train', [VALIDATION]: 'validation', [TEST]: 'test' } as const;

/** The Recommend cell's worker functions: find a user, and gather what ranks the movies they have not seen. */
export function createRecommendApi(state: WindowsWorkerState) {
  return {
    /** Subset index of the user with this id (as written in the data), or null. */
    findUser(windowsId: WindowsId, id: string): number | null {
      const { data } = heldWindowsWithData(state, windowsId);
      const wanted = id.trim();
      for (let u = 0; u < data.userIds.ids.length; u++)
        if (idAt(data.userIds, u) === wanted) return u;
      return null;
    },

    /** A user drawn with the seed among those with at least one window. */
    randomUser(windowsId: WindowsId, seed: number): number {
      const held = state.windows.get(windowsId);
      const users = held.prepared.split.windows.user;
      if (users.length === 0)
        throw new Error('No user has a full window: shorten the window length.');
      return users[createRng(seed).int(users.length)];
    },

    recommendInputs(request: RecommendRequest): RecommendInputs {
      const { held, data } = heldWindowsWithData(state, request.windowsId);
      const { compact, prepared, clusterOfMovie } = held;
      const users = data.userIds.ids.length;
      const movies = data.movieIds.ids.length;
      if (!(Number.isInteger(request.user) && request.user >= 0 && request.user < users))
        throw new RangeError(`There is no user ${request.user} in the subset.`);
      const first = prepared.histories.start[request.user];
      const end = prepared.histories.start[request.user + 1];
      const titleOf = (m: number) => data.movies[m]?.title ?? `movie ${idAt(data.movieIds, m)}`;
      const history: HistoryPoint[] = [];
      for (let p = first; p < end; p++) {
        const m = compact.movie[p];
        history.push({
          date: formatDay(compact.day[p]),
          movie: m,
          title: titleOf(m),
          rating: compact.rating[p],
          cluster: compact.cluster[p],
          role: ROLE_NAMES[compact.role[p] as 0 | 1 | 2],
        });
      }
      const candidates = unseenMovies(compact, first, end, movies);
      const trainingCounts = new Uint32Array(movies);
      for (let p = 0; p < compact.role.length; p++)
        if (compact.role[p] === TRAIN) trainingCounts[compact.movie[p]]++;
      const means = compact.movieMean
        ? trainingMovieMeans(data.table, prepared.split.ratingRole, movies)
        : null;
      const lstm = candidateWindows(compact, first, end, candidates, clusterOfMovie, means);
      const lastDay = end > first ? compact.day[end - 1] : 0;
      const set = {
        count: candidates.length,
        user: new Uint32Array(candidates.length).fill(request.user),
        movie: candidates,
        day: new Uint16Array(candidates.length).fill(lastDay),
        rating: new Float32Array(candidates.length),
      };
      const result: RecommendInputs = {
        user: request.user,
        userId: idAt(data.userIds, request.user),
        history,
        candidates,
        titles: Array.from(candidates, titleOf),
        years: Array.from(candidates, (m) => data.movies[m]?.year ?? null),
        clusters: Int32Array.from(candidates, (m) => clusterOfMovie[m]),
        trainingRatings: Uint32Array.from(candidates, (m) => trainingCounts[m]),
        lstmInputs: lstm && { kind: 'windows', ...lstm },
        pairInputs: { kind: 'pairs', user: set.user.slice(), movie: candidates.slice() },
        ratingModelScores: [...held.ratingModels].map(([model, fitted]) => ({
          model,
          scores: fitted.predict(set),
        })),
      };
      return transfer(result, [
        ...(result.lstmInputs?.kind === 'windows'
          ? [result.lstmInputs.x.buffer as ArrayBuffer]
          : []),
      ]);
    },
  };
}
