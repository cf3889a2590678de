/**
 * The decision of the backend race: among the backends that passed the check and were timed on the model
 * about to train, the fastest trains; a tie goes to the earlier one in BACKEND_ORDER. The sentence it writes
 * is what the backend panel shows ("WebGPU 41,000 samples/s, WASM 2,600: using WebGPU").
 */
import { BACKEND_ORDER, type BackendName, type BackendSpeed } from '../../contract';

const LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

export interface BackendRanking {
  chosen: BackendName;
  /** Timed backends, fastest first. */
  ranked: BackendSpeed[];
  summary: string;
}

const rate = (samplesPerSecond: number) => Math.round(samplesPerSecond).toLocaleString('en-US');

/** Picks the fastest timed backend. Throws when no speed is a positive finite number. */
export function rankBackends(speeds: readonly BackendSpeed[]): BackendRanking {
  const usable = speeds.filter(
    (s) => Number.isFinite(s.samplesPerSecond) && s.samplesPerSecond > 0,
  );
  if (usable.length === 0)
    throw new Error(
      `rankBackends: no backend has a measured speed (${speeds.map((s) => `${s.backend}: ${s.samplesPerSecond}`).join(', ') || 'none timed'})`,
    );
  const position = (name: BackendName) => BACKEND_ORDER.indexOf(name);
  const ranked = [...usable].sort(
    (a, b) => b.samplesPerSecond - a.samplesPerSecond || position(a.backend) - position(b.backend),
  );
  const chosen = ranked[0].backend;
  const figures = ranked.map(
    (s, i) => `${LABELS[s.backend]} ${rate(s.samplesPerSecond)}${i === 0 ? ' samples/s' : ''}`,
  );
  const alone = ranked.length === 1 ? ' (the only one timed)' : '';
  return { chosen, ranked, summary: `${figures.join(', ')}: using ${LABELS[chosen]}${alone}` };
}
