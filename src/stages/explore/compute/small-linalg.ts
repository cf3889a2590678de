/**
 * Dense linear algebra on small float64 matrices (row-major), for the parts of the factorizations that are
 * cheap next to the products with the big matrix: orthonormalizing a tall thin block, and the eigenvectors
 * of an l × l Gram matrix (l ≈ 60).
 */

/**
 * Replaces the columns of `block` (rows × cols, row-major) by an orthonormal basis of their span, in place:
 * classical Gram–Schmidt applied twice ("CGS2"), which is as accurate as Householder for our purposes.
 * A column that is numerically dependent on the ones before it becomes a zero column.
 */
export function orthonormalizeColumns(block: Float64Array, rows: number, cols: number): void {
  const columns = Array.from({ length: cols }, (_, c) => {
    const column = new Float64Array(rows);
    for (let r = 0; r < rows; r++) column[r] = block[r * cols + c];
    return column;
  });
  for (let c = 0; c < cols; c++) {
    const v = columns[c];
    const before = norm(v);
    for (let pass = 0; pass < 2; pass++) {
      for (let q = 0; q < c; q++) {
        const u = columns[q];
        let dot = 0;
        for (let r = 0; r < rows; r++) dot += u[r] * v[r];
        for (let r = 0; r < rows; r++) v[r] -= dot * u[r];
      }
    }
    const after = norm(v);
    const scale = after > 1e-12 * Math.max(before, Number.MIN_VALUE) ? 1 / after : 0;
    for (let r = 0; r < rows; r++) v[r] *= scale;
  }
  for (let c = 0; c < cols; c++) {
    const column = columns[c];
    for (let r = 0; r < rows; r++) block[r * cols + c] = column[r];
  }
}

function norm(v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  return Math.sqrt(sum);
}

/** `aᵀ b` for row-major a (rows × p) and b (rows × q): a p × q matrix. */
export function transposeTimes(
  a: Float64Array,
  b: Float64Array,
  rows: number,
  p: number,
  q: number,
): Float64Array {
  const out = new Float64Array(p * q);
  for (let r = 0; r < rows; r++) {
    const ar = r * p;
    const br = r * q;
    for (let i = 0; i < p; i++) {
      const x = a[ar + i];
      if (x === 0) continue;
      const oi = i * q;
      for (let j = 0; j < q; j++) out[oi + j] += x * b[br + j];
    }
  }
  return out;
}

/** `a b` for row-major a (rows × p) and b (p × q): a rows × q matrix. */
export function times(
  a: Float64Array,
  b: Float64Array,
  rows: number,
  p: number,
  q: number,
): Float64Array {
  const out = new Float64Array(rows * q);
  for (let r = 0; r < rows; r++) {
    const ar = r * p;
    const or = r * q;
    for (let i = 0; i < p; i++) {
      const x = a[ar + i];
      if (x === 0) continue;
      const bi = i * q;
      for (let j = 0; j < q; j++) out[or + j] += x * b[bi + j];
    }
  }
  return out;
}

export interface SymmetricEigen {
  /** Descending. */
  values: Float64Array;
  /** n × n row-major; column i is the unit eigenvector of `values[i]`. */
  vectors: Float64Array;
}

/**
 * Eigen-decomposition of a symmetric n × n matrix by cyclic Jacobi rotations: slow (O(n³) per sweep) but
 * simple and accurate to machine precision, which is what a 60 × 60 Gram matrix needs.
 */
export function symmetricEigen(matrix: Float64Array, n: number): SymmetricEigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += a[i * n + i] ** 2;
      for (let j = i + 1; j < n; j++) off += a[i * n + j] ** 2;
    }
    if (off <= 1e-30 * Math.max(diag, Number.MIN_VALUE)) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j] - a[i * n + i]);
  const values = Float64Array.from(order, (i) => a[i * n + i]);
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let c = 0; c < n; c++) vectors[k * n + c] = v[k * n + order[c]];
  return { values, vectors };
}
