/**
 * The elbow of a decreasing inertia curve, by the "Kneedle" rule (Satopää et al. 2011): with k and
 * inertia both scaled to [0, 1], the k whose point lies farthest below the straight line from the first
 * point to the last. Null for fewer than three points or a curve with no bend below the line.
 */
export function elbowK(ks: number[], inertias: number[]): number | null {
  if (ks.length < 3 || ks.length !== inertias.length) return null;
  const k0 = ks[0];
  const kSpan = ks[ks.length - 1] - k0;
  const high = Math.max(...inertias);
  const low = Math.min(...inertias);
  if (!(kSpan > 0) || !(high > low)) return null;
  const x = ks.map((k) => (k - k0) / kSpan);
  const y = inertias.map((v) => (v - low) / (high - low));
  const y0 = y[0];
  const y1 = y[y.length - 1];
  let best: number | null = null;
  let bestGap = 0;
  for (let i = 1; i < ks.length - 1; i++) {
    const gap = y0 + (y1 - y0) * x[i] - y[i]; // height of the chord above the curve
    if (gap > bestGap) {
      bestGap = gap;
      best = ks[i];
    }
  }
  return best;
}

/** The k with the highest silhouette (the smallest such k on ties); null when none is a number. */
export function bestSilhouetteK(ks: number[], silhouettes: number[]): number | null {
  let best: number | null = null;
  let bestValue = -Infinity;
  ks.forEach((k, i) => {
    if (silhouettes[i] > bestValue) {
      bestValue = silhouettes[i];
      best = k;
    }
  });
  return best;
}
