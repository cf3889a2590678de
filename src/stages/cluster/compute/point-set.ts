import type { CsrMatrix } from '../../explore/compute/movie-user-matrix';

/**
 * The points K-Means clusters, as rows of a dense or a sparse matrix. Centres are always dense
 * (k × dimensions, row-major, float64).
 */
export interface PointSet {
  readonly count: number;
  readonly dimensions: number;
  /** Squared Euclidean distance from point i to centre c. */
  squaredDistance(i: number, centres: Float64Array, c: number, centreSquaredNorm: number): number;
  /** `target[offset …] += weight · point i`. */
  addTo(i: number, target: Float64Array, offset: number, weight: number): void;
  /**
   * Euclidean distances between the chosen points: a full symmetric `chosen.length²` matrix, row-major,
   * float32 (n = 3,000 takes 36 MB).
   */
  distanceMatrix(chosen: Int32Array): Float32Array;
}

/** Points as the rows of a dense row-major matrix (the PCA scores). Distances are summed differences. */
export class DensePoints implements PointSet {
  constructor(
    readonly values: Float64Array,
    readonly count: number,
    readonly dimensions: number,
  ) {
    if (values.length !== count * dimensions)
      throw new RangeError(`${values.length} values do not make ${count} × ${dimensions} points`);
  }

  squaredDistance(i: number, centres: Float64Array, c: number): number {
    return squaredDifference(
      this.values,
      i * this.dimensions,
      centres,
      c * this.dimensions,
      this.dimensions,
    );
  }

  addTo(i: number, target: Float64Array, offset: number, weight: number): void {
    const d = this.dimensions;
    const xo = i * d;
    for (let j = 0; j < d; j++) target[offset + j] += weight * this.values[xo + j];
  }

  distanceMatrix(chosen: Int32Array): Float32Array {
    const n = chosen.length;
    const d = this.dimensions;
    const out = new Float32Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const distance = Math.sqrt(
          squaredDifference(this.values, chosen[a] * d, this.values, chosen[b] * d, d),
        );
        out[a * n + b] = distance;
        out[b * n + a] = distance;
      }
    }
    return out;
  }
}

/**
 * ‖x[xo …] − y[yo …]‖² over `d` entries, unrolled by four with separate sums, which V8 runs about twice as
 * fast as the plain loop (bench/cluster's K-Means and silhouettes spend most of their time here).
 */
function squaredDifference(
  x: Float64Array,
  xo: number,
  y: Float64Array,
  yo: number,
  d: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (const end = d - (d % 4); j < end; j += 4) {
    const t0 = x[xo + j] - y[yo + j];
    const t1 = x[xo + j + 1] - y[yo + j + 1];
    const t2 = x[xo + j + 2] - y[yo + j + 2];
    const t3 = x[xo + j + 3] - y[yo + j + 3];
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; j < d; j++) {
    const t = x[xo + j] - y[yo + j];
    s0 += t * t;
  }
  return s0 + s1 + s2 + s3;
}

/**
 * Points as the rows of a sparse matrix (the raw movies × users matrix). Distances use
 * ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖², so their cost is the row's non-zeros, not the dimension.
 */
export class SparsePoints implements PointSet {
  readonly count: number;
  readonly dimensions: number;
  private readonly squaredNorms: Float64Array;

  constructor(readonly matrix: CsrMatrix) {
    this.count = matrix.rows;
    this.dimensions = matrix.cols;
    this.squaredNorms = new Float64Array(matrix.rows);
    for (let r = 0; r < matrix.rows; r++) {
      let sum = 0;
      for (let p = matrix.rowStart[r]; p < matrix.rowStart[r + 1]; p++)
        sum += matrix.values[p] ** 2;
      this.squaredNorms[r] = sum;
    }
  }

  squaredDistance(i: number, centres: Float64Array, c: number, centreSquaredNorm: number): number {
    const { rowStart, columns, values } = this.matrix;
    const co = c * this.dimensions;
    let dot = 0;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) dot += values[p] * centres[co + columns[p]];
    return Math.max(0, this.squaredNorms[i] - 2 * dot + centreSquaredNorm);
  }

  addTo(i: number, target: Float64Array, offset: number, weight: number): void {
    const { rowStart, columns, values } = this.matrix;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++)
      target[offset + columns[p]] += weight * values[p];
  }

  distanceMatrix(chosen: Int32Array): Float32Array {
    // Row a is scattered into a dense buffer once, then dotted with each later sparse row.
    const { rowStart, columns, values } = this.matrix;
    const n = chosen.length;
    const out = new Float32Array(n * n);
    const dense = new Float64Array(this.dimensions);
    for (let a = 0; a < n; a++) {
      const i = chosen[a];
      for (let p = rowStart[i]; p < rowStart[i + 1]; p++) dense[columns[p]] = values[p];
      for (let b = a + 1; b < n; b++) {
        const j = chosen[b];
        let dot = 0;
        for (let p = rowStart[j]; p < rowStart[j + 1]; p++) dot += values[p] * dense[columns[p]];
        const distance = Math.sqrt(
          Math.max(0, this.squaredNorms[i] + this.squaredNorms[j] - 2 * dot),
        );
        out[a * n + b] = distance;
        out[b * n + a] = distance;
      }
      for (let p = rowStart[i]; p < rowStart[i + 1]; p++) dense[columns[p]] = 0;
    }
    return out;
  }
}

/** ‖centre c‖² for every centre. */
export function centreSquaredNorms(centres: Float64Array, k: number, d: number): Float64Array {
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let sum = 0;
    for (let j = 0; j < d; j++) sum += centres[c * d + j] ** 2;
    out[c] = sum;
  }
  return out;
}
