import type { PlannedTrial, TrialRecord, TunerState } from './hyperband-state';
import { bestTrial } from './hyperband-state';
import type { TrialConfig } from './search-space';

/** The hyperparameters under keras-tuner's names, in the order of the report's printout. */
const HYPERPARAMETERS: { name: string; value: (config: TrialConfig) => string }[] = [
  { name: 'layers', value: (c) => String(c.layers) },
  { name: 'dropout_rate', value: (c) => significant(c.dropout) },
  { name: 'final_activation', value: (c) => c.activation },
  { name: 'lr', value: (c) => significant(c.learningRate) },
  { name: 'units', value: (c) => String(c.units) },
];

/** Five significant digits without exponent noise, as keras-tuner prints floats (0.34145, 0.00097747). */
function significant(value: number): string {
  if (value === 0) return '0';
  return String(Number(value.toPrecision(5)));
}

/** Where a trial sits in the schedule, under keras-tuner's names. */
interface TrialPlace {
  epochs: number;
  initialEpoch: number;
  bracket: number;
  round: number;
  config: TrialConfig;
}

function scheduleRows(trial: TrialPlace): [string, string][] {
  return [
    ['tuner/epochs', String(trial.epochs)],
    ['tuner/initial_epoch', String(trial.initialEpoch)],
    ['tuner/bracket', String(trial.bracket)],
    ['tuner/round', String(trial.round)],
  ];
}

export interface SummaryRow {
  hyperparameter: string;
  /** The value of the trial running now (or last run), if any. */
  value: string | null;
  bestValue: string | null;
}

function placeOf(trial: PlannedTrial | TrialRecord): TrialPlace {
  return 'request' in trial
    ? { ...trial.request, bracket: trial.bracket, round: trial.round }
    : trial;
}

/** The "Value | Best Value So Far | Hyperparameter" table of keras-tuner's search printout. */
export function bestSoFarRows(
  state: TunerState,
  current: PlannedTrial | TrialRecord | null,
): SummaryRow[] {
  const best = bestTrial(state);
  const now = current ? placeOf(current) : null;
  const names = [
    ...HYPERPARAMETERS.map((h) => h.name),
    'tuner/epochs',
    'tuner/initial_epoch',
    'tuner/bracket',
    'tuner/round',
  ];
  const valuesOf = (place: TrialPlace | null) =>
    place
      ? new Map<string, string>([
          ...HYPERPARAMETERS.map((h): [string, string] => [h.name, h.value(place.config)]),
          ...scheduleRows(place),
        ])
      : null;
  const nowValues = valuesOf(now);
  const bestValues = valuesOf(best);
  return names.map((name) => ({
    hyperparameter: name,
    value: nowValues?.get(name) ?? null,
    bestValue: bestValues?.get(name) ?? null,
  }));
}

/** hh:mm:ss as keras-tuner writes it: "00h 02m 43s". */
export function formatElapsed(ms: number): string {
  const total = Math.round(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(total / 3600))}h ${two(Math.floor(total / 60) % 60)}m ${two(total % 60)}s`;
}

/**
 * The text keras-tuner prints after a trial and before the next, as in the report:
 * the trial just completed, the best loss so far, the elapsed time, and the table of values.
 */
export function searchPrintout(state: TunerState, next: PlannedTrial | null): string {
  const lines: string[] = [];
  const last = state.trials.at(-1);
  const best = bestTrial(state);
  if (last) {
    lines.push(
      `Trial ${last.number} ${last.status === 'completed' ? 'Complete' : 'Failed'} [${formatElapsed(last.ms)}]`,
    );
    lines.push(
      `val_loss: ${last.valLoss ?? (last.error ? `failed (${last.error})` : 'not finite')}`,
    );
    lines.push('');
    lines.push(`Best val_loss So Far: ${best?.valLoss ?? 'none yet'}`);
    lines.push(`Total elapsed time: ${formatElapsed(state.elapsedMs)}`);
    lines.push('');
  }
  if (next) {
    lines.push(`Search: Running Trial #${next.number}`);
    lines.push('');
  }
  const rows = bestSoFarRows(state, next ?? last ?? null);
  lines.push(`${'Value'.padEnd(15)}|${'Best Value So Far'.padEnd(17)}|Hyperparameter`);
  for (const row of rows) {
    lines.push(
      `${(row.value ?? '-').padEnd(15)}|${(row.bestValue ?? '-').padEnd(17)}|${row.hyperparameter}`,
    );
  }
  return lines.join('\n');
}
