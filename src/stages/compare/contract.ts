/** The comparison's row type, shared by every cell that adds a model to it. */
export type { ComparisonRow, ReferenceLine } from './compute/comparison';
