import { selectTopSubset } from '../compute/top-subset';
import type { SubsetRequest, SubsetResult } from '../contract';
import type { DatasetRegistry } from '../../../worker-kit/dataset-registry';

/** The Subset cell's worker function: cuts the top users × top movies out of a held dataset. */
export function createSubsetApi(state: { datasets: DatasetRegistry }) {
  const { datasets: registry } = state;
  return {
    makeSubset(request: SubsetRequest): SubsetResult {
      const parent = registry.get(request.datasetId);
      const subset = selectTopSubset(parent.data, request.options);
      registry.dropDerived(request.datasetId);
      const subsetId = registry.newId('subset');
      registry.add({
        id: subsetId,
        data: subset.data,
        source: parent.source,
        parent: { id: request.datasetId, user: subset.parentUser, movie: subset.parentMovie },
      });
      return {
        subsetId,
        parentId: request.datasetId,
        options: request.options,
        stats: subset.stats,
      };
    },
  };
}
