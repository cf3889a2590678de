import type { CellParamBinding } from '../../../app/state/param-bindings';
import { SUBSET_PARAMS } from '../compute/subset-params';
import { setSubsetOptions } from './subset-actions';
import { subsetStore } from './subset-store';

/** The Subset cell's parameters in share links: both top-u and top-m once the person has chosen them. */
export const subsetParams: CellParamBinding = {
  specs: [SUBSET_PARAMS.users, SUBSET_PARAMS.movies],
  store: subsetStore,
  read() {
    const options = subsetStore.get().options;
    return options
      ? new Map([
          [SUBSET_PARAMS.users.key, options.users],
          [SUBSET_PARAMS.movies.key, options.movies],
        ])
      : new Map();
  },
  write(values) {
    const users = values.get(SUBSET_PARAMS.users.key) as number | undefined;
    const movies = values.get(SUBSET_PARAMS.movies.key) as number | undefined;
    if (users === undefined && movies === undefined) return [];
    if (users === undefined || movies === undefined)
      return [
        'The link sets only one of top users and top movies; the defaults are used for both.',
      ];
    setSubsetOptions({ users, movies });
    return [];
  },
};
