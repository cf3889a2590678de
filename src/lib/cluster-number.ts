/**
 * How a cluster is named to a person, in every cell, hover and download: numbered from 1, as the Cluster
 * table lists them (internally, and in the model's one-hot block, clusters are 0 … k − 1). Empty for a movie
 * without a cluster (index −1).
 */
export function clusterNumber(index: number): string {
  return index >= 0 ? String(index + 1) : '';
}
