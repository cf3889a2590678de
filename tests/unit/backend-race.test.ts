import { describe, expect, it } from 'vitest';
import { rankBackends } from '../../src/stages/train/compute/backend/backend-ranking';
import {
  CPU_NOT_RACED,
  selectByMeasurement,
  type RaceHooks,
} from '../../src/stages/train/compute/backend/select-by-measurement';
import { BACKEND_ORDER, type BackendName } from '../../src/stages/train/contract';

describe('rankBackends', () => {
  it('picks the fastest and writes the sentence the panel shows', () => {
    const ranking = rankBackends([
      { backend: 'wasm', samplesPerSecond: 2600.4, batches: 8 },
      { backend: 'webgpu', samplesPerSecond: 41000, batches: 20 },
    ]);
    expect(ranking.chosen).toBe('webgpu');
    expect(ranking.ranked.map((s) => s.backend)).toEqual(['webgpu', 'wasm']);
    expect(ranking.summary).toBe('WebGPU 41,000 samples/s, WASM 2,600: using WebGPU');
  });

  it('keeps WASM when the GPU is slower on this model, and breaks ties by the usual order', () => {
    expect(
      rankBackends([
        { backend: 'webgpu', samplesPerSecond: 900, batches: 3 },
        { backend: 'webgl', samplesPerSecond: 1200, batches: 4 },
        { backend: 'wasm', samplesPerSecond: 2600, batches: 8 },
      ]).summary,
    ).toBe('WASM 2,600 samples/s, WebGL 1,200, WebGPU 900: using WASM');
    expect(
      rankBackends([
        { backend: 'cpu', samplesPerSecond: 500, batches: 2 },
        { backend: 'wasm', samplesPerSecond: 500, batches: 2 },
      ]).chosen,
    ).toBe('wasm');
  });

  it('says when only one backend passed, ignores speeds that are not positive, and refuses none', () => {
    expect(
      rankBackends([
        { backend: 'webgl', samplesPerSecond: Number.NaN, batches: 1 },
        { backend: 'wasm', samplesPerSecond: 2000, batches: 5 },
      ]).summary,
    ).toBe('WASM 2,000 samples/s: using WASM (the only one timed)');
    expect(() => rankBackends([{ backend: 'cpu', samplesPerSecond: 0, batches: 1 }])).toThrow(
      /no backend has a measured speed/,
    );
  });
});

/** Hooks over a pretend set of backends: which start, which pass the check, how fast each trains. */
function hooks(
  speeds: Partial<Record<BackendName, number>>,
  broken: Partial<Record<BackendName, string>> = {},
  timed = true,
) {
  let active: BackendName | null = null;
  const started: BackendName[] = [];
  const race: RaceHooks = {
    start: async (name) => {
      if (!(name in speeds)) throw new Error(`${name} did not start`);
      active = name;
      started.push(name);
      return { threads: name === 'wasm' ? 2 : null, note: null, patches: [`patched ${name}`] };
    },
    check: async () => {
      const failure = active && broken[active];
      if (failure) throw new Error(failure);
      return `checked ${active}`;
    },
    time: timed
      ? async () => ({ samplesPerSecond: speeds[active as BackendName] as number, batches: 4 })
      : undefined,
  };
  return { race, started, active: () => active };
}

describe('selectByMeasurement', () => {
  it('times every backend that passes, uses the fastest and leaves it active', async () => {
    const h = hooks({ webgpu: 41000, webgl: 9000, wasm: 2600 }, { webgl: 'no float textures' });
    const report = await selectByMeasurement(BACKEND_ORDER, false, h.race);
    expect(report.backend).toBe('webgpu');
    expect(report.choice).toBe('WebGPU 41,000 samples/s, WASM 2,600: using WebGPU');
    expect(report.speeds.map((s) => s.backend)).toEqual(['webgpu', 'wasm']);
    expect(report.attempts.map((a) => [a.backend, a.ok])).toEqual([
      ['webgpu', true],
      ['webgl', false],
      ['wasm', true],
      ['cpu', false],
    ]);
    expect(report.attempts[3].reason).toBe(CPU_NOT_RACED);
    expect(h.started).not.toContain('cpu');
    expect(report.attempts[1].reason).toBe('no float textures');
    expect(report.attempts[2].reason).toMatch(/checked wasm; .*2,600 samples\/s over 4 batches/);
    expect(report.patches).toEqual(['patched webgpu']);
    expect(h.active()).toBe('webgpu');
  });

  it('keeps WASM (and its thread count) when it beats a slow GPU', async () => {
    const h = hooks({ webgpu: 24, wasm: 1900, cpu: 80 });
    const report = await selectByMeasurement(BACKEND_ORDER, false, h.race);
    expect(report.backend).toBe('wasm');
    expect(report.threads).toBe(2);
    expect(h.active()).toBe('wasm');
    expect(report.choice).toBe('WASM 1,900 samples/s, WebGPU 24: using WASM');
  });

  it('races the CPU backend only when nothing else passed', async () => {
    const h = hooks({ webgpu: 24, cpu: 80 }, { webgpu: 'device lost' });
    const report = await selectByMeasurement(BACKEND_ORDER, false, h.race);
    expect(report.backend).toBe('cpu');
    expect(report.choice).toBe('CPU 80 samples/s: using CPU (the only one timed)');
  });

  it('without a timing, or when forced, uses the first that passes and times nothing', async () => {
    const untimed = hooks({ webgpu: 41000, wasm: 2600 }, {}, false);
    const first = await selectByMeasurement(BACKEND_ORDER, false, untimed.race);
    expect([first.backend, first.choice, first.speeds]).toEqual(['webgpu', null, []]);
    expect(untimed.started).toEqual(['webgpu']);
    const forced = hooks({ wasm: 2600 });
    const only = await selectByMeasurement(['wasm'], true, forced.race);
    expect([only.backend, only.forced, only.choice]).toEqual(['wasm', true, null]);
  });

  it('fails with every reason when nothing can train', async () => {
    const h = hooks({ wasm: 1 }, { wasm: 'loss is NaN' });
    await expect(selectByMeasurement(BACKEND_ORDER, false, h.race)).rejects.toThrow(
      /No tfjs backend could train here \(webgpu: webgpu did not start; .*wasm: loss is NaN/,
    );
  });
});
