/**
 * Seeded weight initialisers computed in plain JavaScript, so that the initial weights are identical on every
 * backend and build in milliseconds. (tfjs-layers' orthogonal initialiser runs a QR decomposition on the
 * backend: 2.3 s on wasm, about a minute on WebGL or the CPU backend for LSTM(228); docs/tfjs-notes.md.)
 */
import { createRng } from '../../../../lib/rng';

/** Glorot (Xavier) uniform over [rows, cols], as Keras: limit √(6 / (fanIn + fanOut)), fanIn = rows. */
export function glorotUniform(rows: number, cols: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const limit = Math.sqrt(6 / (rows + cols));
  const values = new Float32Array(rows * cols);
  for (let i = 0; i < values.length; i++) values[i] = (2 * rng.next() - 1) * limit;
  return values;
}

/**
 * A random [rows, cols] matrix with orthonormal rows (rows ≤ cols) or columns (rows > cols), as Keras'
 * orthogonal initialiser: Gram–Schmidt (twice, for stability) on Gaussian vectors in float64.
 */
export function orthogonal(rows: number, cols: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const count = Math.min(rows, cols);
  const length = Math.max(rows, cols);
  const vectors: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const v = new Float64Array(length);
    for (let i = 0; i < length; i++) v[i] = rng.normal();
    for (let pass = 0; pass < 2; pass++) {
      for (const q of vectors) {
        let dot = 0;
        for (let i = 0; i < length; i++) dot += q[i] * v[i];
        for (let i = 0; i < length; i++) v[i] -= dot * q[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < length; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < length; i++) v[i] /= norm;
    vectors.push(v);
  }
  const out = new Float32Array(rows * cols);
  for (let k = 0; k < count; k++) {
    const v = vectors[k];
    for (let i = 0; i < length; i++) {
      // Vectors are rows when rows ≤ cols, else columns.
      if (rows <= cols) out[k * cols + i] = v[i];
      else out[i * cols + k] = v[i];
    }
  }
  return out;
}
