/**
 * The backend race, independent of where it runs: start each candidate, apply its patches, run the
 * correctness check, then (when a timing is given) time a few real batches of the model about to train on
 * every backend that passed and keep the fastest. Without a timing the first backend that passes is used,
 * as before there was a race. The CPU backend only races when nothing else passed. The host (the training worker) supplies how to start a backend and the check.
 */
import type { BackendAttempt, BackendName, BackendReport, BackendSpeed } from '../../contract';
import { rankBackends } from './backend-ranking';

export interface StartedBackend {
  /** wasm only: threads in tfjs' pool. */
  threads: number | null;
  /** A remark for the report (e.g. why the thread count is what it is), or null. */
  note: string | null;
  /** What applyBackendPatches changed. */
  patches: string[];
}

export interface RaceHooks {
  /** Makes `name` the active tfjs backend, ready to train; throws with a reason when it cannot. */
  start(name: BackendName): Promise<StartedBackend>;
  /** Trains something small on the active backend; returns what it did, throws when it cannot train. */
  check(): Promise<string>;
  /** Times the model about to train on the active backend; absent: no race, the first to pass is used. */
  time?: () => Promise<{ samplesPerSecond: number; batches: number }>;
}

/** Why the CPU backend was not started in a race that another backend already passed. */
export const CPU_NOT_RACED =
  'not tried: another backend passed, and tfjs’ CPU backend (plain JavaScript) is slower than WASM at training';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Tries `candidates` in order; see the module comment. Throws, listing every reason, when none can train. */
export async function selectByMeasurement(
  candidates: readonly BackendName[],
  forced: boolean,
  hooks: RaceHooks,
  now: () => number = Date.now,
): Promise<BackendReport> {
  const attempts: BackendAttempt[] = [];
  const passed = new Map<BackendName, StartedBackend>();
  const speeds: BackendSpeed[] = [];
  const race = hooks.time && !forced && candidates.length > 1 ? hooks.time : null;
  for (const backend of candidates) {
    const started = now();
    if (race && backend === 'cpu' && passed.size > 0) {
      // tfjs' CPU backend is plain JavaScript: slower than WASM at training, and timing LSTM(228) on it
      // takes seconds, so it only trains when nothing else could.
      attempts.push({ backend, ok: false, reason: CPU_NOT_RACED, ms: 0 });
      continue;
    }
    try {
      const ready = await hooks.start(backend);
      const checked = await hooks.check();
      let reason = [checked, ready.note].filter(Boolean).join('; ');
      if (race) {
        const { samplesPerSecond, batches } = await race();
        speeds.push({ backend, samplesPerSecond, batches });
        reason += `; trained the model about to train at ${Math.round(samplesPerSecond).toLocaleString('en-US')} samples/s over ${batches} batch${batches === 1 ? '' : 'es'}`;
      }
      attempts.push({ backend, ok: true, reason, ms: now() - started });
      passed.set(backend, ready);
      if (!race) break;
    } catch (error) {
      attempts.push({ backend, ok: false, reason: describe(error), ms: now() - started });
    }
  }
  if (passed.size === 0) {
    const tried = attempts.map((a) => `${a.backend}: ${a.reason}`).join('; ');
    throw new Error(`No tfjs backend could train here (${tried})`);
  }
  let backend = [...passed.keys()][0];
  let choice: string | null = null;
  let ranked: BackendSpeed[] = [];
  if (race) {
    const ranking = rankBackends(speeds);
    ({ chosen: backend, summary: choice, ranked } = ranking);
    // The race left another candidate active; the winner is started again (cheap: tfjs keeps backends).
    await hooks.start(backend);
  }
  const ready = passed.get(backend) as StartedBackend;
  return {
    backend,
    forced,
    attempts,
    speeds: ranked,
    choice,
    threads: ready.threads,
    patches: ready.patches,
  };
}
