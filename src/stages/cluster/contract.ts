/** What crosses the data worker's boundary for the Cluster cell, and what later stages read from it. */
import type { DatasetId, RunId } from '../../lib/ids';
import type { ClusterOptions } from './compute/cluster-movies';
import type { SweepPoint } from './compute/kmeans-sweep';

export type { ClusterOptions, ClusterProgress, ClusterSpace } from './compute/cluster-movies';
export type { SweepPoint } from './compute/kmeans-sweep';

export interface ClusterRequest {
  subsetId: DatasetId;
  runId: RunId;
  options: ClusterOptions;
}

/** The sweep's figures; the labels for every k stay in the data worker. */
export interface ClusterSweepResult {
  subsetId: DatasetId;
  runId: RunId;
  options: ClusterOptions;
  points: SweepPoint[];
  /** Best silhouette. */
  suggestedK: number | null;
  /** Where the inertia curve bends most. */
  elbowK: number | null;
  /** Null when the silhouettes are exact; else the number of movies they were measured on. */
  silhouetteSample: number | null;
  /** What was clustered, e.g. "50 PCA components (31% of the variance)", and how the products ran. */
  features: { description: string; engine: string; ms: number };
  movies: number;
  ms: number;
}

/**
 * Names the clustering later stages use: the sweep `runId` on subset `subsetId`, cut at `k`. The data
 * worker holds the assignment itself (`ClusterAssignments` in the stage's worker/cluster-assignments.ts).
 */
export interface ClusterAssignmentRef {
  subsetId: DatasetId;
  k: number;
  runId: RunId;
}

export interface ClusterTableRow {
  cluster: number;
  size: number;
  ratings: number;
  meanRating: number;
  /** The cluster's most-rated titles, most first. Plain text from the data: render as text. */
  topTitles: string[];
}

export interface ChosenClustering {
  ref: ClusterAssignmentRef;
  /** Largest cluster first. */
  table: ClusterTableRow[];
  /** Cluster of each subset movie (length = subset movies), for colouring the Explore plots. */
  clusterOfMovie: Int32Array;
}
