/**
 * The comparison of every model trained in a session: rows, the spread between the best and the others, the
 * published reference figures, and CSV/JSON exports.
 */
import { csvField } from '../../../lib/csv';

export interface ComparisonRow {
  /** Stable id of the model kind, e.g. 'lstm', 'lstm-tuned', 'dense', 'mf'. */
  id: string;
  /** Human name. */
  model: string;
  family: 'sequence' | 'embedding' | 'rating' | 'prize';
  /**
   * What the model was scored on when it is not this notebook's split: the Prize's probe set, or each user's
   * last 9 ratings, over every loaded rating (the Prize models). Absent for the subset's test windows.
   */
  protocol?: string;
  testRmse: number;
  /** NaN where the model's cell does not measure it. */
  testMae: number;
  valRmse: number | null;
  /** Learned numbers (trainable parameters). */
  params: number;
  trainingSeconds: number;
  backend: string;
  epochs: number;
  /** The test ratings every model was scored on (the same triples for all rows of one split). */
  testRatings: number;
  /** Top-10 ranking of unseen movies for held-out users, where the cell measures it (see its protocol). */
  recallAt10?: number;
  ndcgAt10?: number;
  /** Distinct movies in all top-10 lists / movies. */
  coverageAt10?: number;
}

/** Each row's test RMSE relative to the best: 0 for the best, 0.023 for 2.3% worse. */
export function spreadFromBest(rows: readonly ComparisonRow[]): {
  best: ComparisonRow | null;
  spread: Map<string, number>;
} {
  const spread = new Map<string, number>();
  if (rows.length === 0) return { best: null, spread };
  const best = rows.reduce((a, b) => (b.testRmse < a.testRmse ? b : a));
  for (const row of rows) spread.set(row.id, row.testRmse / best.testRmse - 1);
  return { best, spread };
}

/**
 * Published test RMSEs for orientation only: they were measured on the Netflix Prize's own hold-out of the full
 * data (the quiz/test sets of the qualifying set), not on this notebook's split, so they do not compare directly.
 */
export interface ReferenceLine {
  label: string;
  rmse: number;
  source: string;
}

export const REFERENCE_LINES: ReferenceLine[] = [
  {
    label: 'Cinematch (Netflix, test set)',
    rmse: 0.9514,
    source: 'Netflix Prize rules and leaderboard, 2006',
  },
  {
    label: 'Grand Prize winner (test set)',
    rmse: 0.8567,
    source: 'BellKor’s Pragmatic Chaos, Netflix Prize leaderboard, 2009',
  },
  {
    label: 'Koren: baseline predictor',
    rmse: 0.9799,
    source: 'Koren, Collaborative filtering with temporal dynamics, KDD 2009, Table 1 (Probe)',
  },
  { label: 'Koren: SVD, f = 50', rmse: 0.9046, source: 'Koren, KDD 2009, Table 3' },
  { label: 'Koren: timeSVD++, f = 50', rmse: 0.8824, source: 'Koren, KDD 2009, Table 3' },
];

const COLUMNS: (keyof ComparisonRow)[] = [
  'model',
  'family',
  'testRmse',
  'testMae',
  'valRmse',
  'params',
  'trainingSeconds',
  'backend',
  'epochs',
  'testRatings',
];

/** Columns only the Prize models fill: written when a row has them, so subset-only tables keep their shape. */
const PRIZE_COLUMNS: (keyof ComparisonRow)[] = [
  'protocol',
  'recallAt10',
  'ndcgAt10',
  'coverageAt10',
];

export function comparisonCsv(rows: readonly ComparisonRow[]): string {
  const { spread } = spreadFromBest(rows);
  const extra = rows.some((row) => row.protocol !== undefined) ? PRIZE_COLUMNS : [];
  const header = [...COLUMNS, 'spreadFromBest', ...extra].join(',');
  const lines = rows.map((row) =>
    [
      ...COLUMNS.map((key) => csvField(row[key])),
      csvField(spread.get(row.id)),
      ...extra.map((key) => csvField(row[key])),
    ].join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}

export function comparisonJson(
  rows: readonly ComparisonRow[],
  context: Record<string, unknown>,
): string {
  const { best, spread } = spreadFromBest(rows);
  return `${JSON.stringify(
    {
      ...context,
      best: best?.id ?? null,
      models: rows.map((row) => ({ ...row, spreadFromBest: spread.get(row.id) ?? null })),
      references: REFERENCE_LINES,
    },
    null,
    2,
  )}\n`;
}
