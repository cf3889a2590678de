/**
 * How well two labellings of the same items agree, up to renaming the labels: the adjusted Rand index
 * (Hubert & Arabie 1985: 1 for identical partitions, about 0 for independent ones) and the normalized
 * mutual information (arithmetic-mean normalization, scikit-learn's default).
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { table, rowSums, colSums, n } = contingency(a, b);
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const count of table.values()) index += pairs(count);
  const rowPairs = rowSums.reduce((s, x) => s + pairs(x), 0);
  const colPairs = colSums.reduce((s, x) => s + pairs(x), 0);
  const expected = (rowPairs * colPairs) / pairs(n);
  const maximum = (rowPairs + colPairs) / 2;
  if (maximum === expected) return 1; // both partitions trivial (all in one, or all apart)
  return (index - expected) / (maximum - expected);
}

export function normalizedMutualInformation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { table, rowSums, colSums, n } = contingency(a, b);
  const entropy = (sums: number[]) =>
    -sums.reduce((s, x) => (x > 0 ? s + (x / n) * Math.log(x / n) : s), 0);
  let mutual = 0;
  for (const [key, count] of table) {
    const r = Math.floor(key / KEY_BASE);
    const c = key % KEY_BASE;
    mutual += (count / n) * Math.log((count * n) / (rowSums[r] * colSums[c]));
  }
  const ha = entropy(rowSums);
  const hb = entropy(colSums);
  const mean = (ha + hb) / 2;
  return mean > 0 ? Math.max(0, mutual) / mean : 1;
}

/** Cells of the contingency table are keyed row · KEY_BASE + column (distinct labels stay far below it). */
const KEY_BASE = 2 ** 26;

/** Counts of items per (label in a, label in b), keyed by the labels' order of first appearance. */
function contingency(a: ArrayLike<number>, b: ArrayLike<number>) {
  if (a.length !== b.length) throw new RangeError('The labellings must have the same length.');
  const rowOf = new Map<number, number>();
  const colOf = new Map<number, number>();
  const rowSums: number[] = [];
  const colSums: number[] = [];
  const table = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if (!rowOf.has(a[i])) {
      rowOf.set(a[i], rowSums.length);
      rowSums.push(0);
    }
    if (!colOf.has(b[i])) {
      colOf.set(b[i], colSums.length);
      colSums.push(0);
    }
    const r = rowOf.get(a[i]) as number;
    const c = colOf.get(b[i]) as number;
    rowSums[r]++;
    colSums[c]++;
    const key = r * KEY_BASE + c;
    table.set(key, (table.get(key) ?? 0) + 1);
  }
  return { table, rowSums, colSums, n: a.length };
}
