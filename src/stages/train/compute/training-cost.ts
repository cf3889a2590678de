/**
 * Rough costs of a training run, before it starts: how long it may take on this kind of machine's WASM
 * backend, and how many bytes its largest allocations take, so that a link or a click never starts hours of
 * work, or an allocation the tab cannot hold, unasked.
 *
 * Seconds per LSTM sample are modelled as a + b·units²·layers·steps/10, fitted to two measurements on a
 * 2-core machine (Chromium, WASM, 2 threads, batch 256, 10-step windows): LSTM(228) ≈ 2,600 samples/s and
 * LSTM(64) ≈ 5,000 samples/s. The dense model ran at ≈ 7,900 samples/s (embedding 64). These are orders of
 * magnitude for a decision, not promises: a run measures its own speed as it goes.
 */
const LSTM_FIXED_S = 1.842e-4;
const LSTM_PER_UNIT2_S = 3.855e-9;
const DENSE_SAMPLES_PER_S = 7_900;

/** The most one typed array or tensor a training run may ask for: a quarter of a tab's 4 GiB wasm heap. */
export const ALLOCATION_LIMIT_BYTES = 1024 ** 3;

export interface TrainingCost {
  /** Rough wall-clock seconds of the whole run, every epoch included. */
  seconds: number;
  /** Bytes of its largest single allocation. */
  largestBytes: number;
  /** Why it cannot run here, naming what to lower; null when it fits. */
  refusal: string | null;
}

export interface LstmCostInput {
  units: number;
  layers: number;
  batchSize: number;
  epochs: number;
  steps: number;
  /** Features per step (the cluster one-hot and the extra columns). */
  features: number;
  trainWindows: number;
  validationWindows: number;
}

function refusalFor(bytes: number, what: string, lower: string): string | null {
  if (bytes <= ALLOCATION_LIMIT_BYTES) return null;
  const gib = (bytes / 1024 ** 3).toFixed(1);
  return `${what} would take ${gib} GiB, more than this tab can hold in one piece (1 GiB): lower ${lower}.`;
}

export function lstmTrainingCost(input: LstmCostInput): TrainingCost {
  const perSample =
    LSTM_FIXED_S + LSTM_PER_UNIT2_S * input.units ** 2 * input.layers * (input.steps / 10);
  // Validation windows are only predicted: about a third of a training sample's cost.
  const perEpoch = perSample * (input.trainWindows + input.validationWindows / 3);
  const batchBuffer = input.batchSize * input.steps * input.features * 4;
  // The backward pass keeps every step's gates: 4 gates × units per step and sample, per layer.
  const activations = input.batchSize * input.steps * 4 * input.units * input.layers * 4 * 2;
  const largestBytes = Math.max(batchBuffer, activations);
  return {
    seconds: perEpoch * input.epochs,
    largestBytes,
    refusal: refusalFor(
      largestBytes,
      'One training batch',
      'the batch size, the units, the layers or the window length',
    ),
  };
}

export interface DenseCostInput {
  embeddingSize: number;
  epochs: number;
  users: number;
  movies: number;
  trainRatings: number;
  validationRatings: number;
}

export function denseTrainingCost(input: DenseCostInput): TrainingCost {
  const perEpoch =
    ((input.trainRatings + input.validationRatings / 3) / DENSE_SAMPLES_PER_S) *
    Math.max(1, input.embeddingSize / 64);
  // The two embedding tables, their gradient and Adam's two moments.
  const tableBytes = (input.users + input.movies) * input.embeddingSize * 4;
  const largestBytes = tableBytes * 4;
  return {
    seconds: perEpoch * input.epochs,
    largestBytes,
    refusal: refusalFor(
      largestBytes,
      'The embedding tables with their Adam state',
      'the embedding size',
    ),
  };
}

/** "about 40 s", "about 12 min", "about 3 h": a rough duration. */
export function roughDuration(seconds: number): string {
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(seconds < 36_000 ? 1 : 0)} h`;
}
