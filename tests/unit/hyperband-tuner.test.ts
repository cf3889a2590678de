import { describe, expect, it } from 'vitest';
import { hyperbandSchedule } from '../../src/stages/tune/compute/hyperband-schedule';
import {
  bestTrial,
  createTunerState,
  planNextTrial,
  type TrialOutcome,
  type TrialRequest,
  type TunerSettings,
  type TunerState,
} from '../../src/stages/tune/compute/hyperband-state';
import { runHyperband, type TrialRunner } from '../../src/stages/tune/compute/run-hyperband';
import {
  configKey,
  defaultSearchSpace,
  type TrialConfig,
} from '../../src/stages/tune/compute/search-space';
import { bestSoFarRows, searchPrintout } from '../../src/stages/tune/compute/trial-summary';

const settings = (overrides: Partial<TunerSettings> = {}): TunerSettings => ({
  maxEpochs: 10,
  factor: 3,
  iterations: 1,
  seed: 42,
  space: defaultSearchSpace,
  ...overrides,
});

/**
 * A deterministic objective standing in for training: the loss falls with epochs towards a floor that depends
 * on the configuration (best near lr 1e-3, 300 units, 3 layers, gelu). It tests the scheduler, not training.
 */
function analyticLoss(config: TrialConfig, epoch: number): number {
  const floor =
    0.5 +
    0.05 * (Math.log10(config.learningRate) + 3) ** 2 +
    ((config.units - 300) / 1000) ** 2 +
    0.01 * Math.abs(config.layers - 3) +
    (config.activation === 'gelu' ? 0 : 0.02) +
    0.02 * config.dropout;
  return floor + 1 / epoch;
}

/** "Weights" are the number of epochs trained; a checkpoint stores them, so continuation can be checked. */
class AnalyticRunner implements TrialRunner {
  readonly checkpoints = new Map<string, { epochsTrained: number; config: TrialConfig }>();
  readonly requests: TrialRequest[] = [];

  async runTrial(request: TrialRequest): Promise<TrialOutcome> {
    this.requests.push(request);
    let start = 0;
    if (request.parentCheckpoint !== null) {
      const parent = this.checkpoints.get(request.parentCheckpoint);
      if (!parent) throw new Error(`missing checkpoint ${request.parentCheckpoint}`);
      if (configKey(parent.config) !== configKey(request.config))
        throw new Error('continued with another configuration');
      start = parent.epochsTrained;
    }
    if (start !== request.initialEpoch)
      throw new Error(`weights at ${start}, asked ${request.initialEpoch}`);
    let best = Infinity;
    let bestEpoch = 0;
    for (let epoch = start + 1; epoch <= request.epochs; epoch++) {
      const loss = analyticLoss(request.config, epoch);
      if (loss < best) [best, bestEpoch] = [loss, epoch];
    }
    const checkpoint = `mem://${request.trialId}`;
    this.checkpoints.set(checkpoint, { epochsTrained: bestEpoch, config: request.config });
    return { valLoss: best, bestEpoch, checkpoint, epochsRun: request.epochs - start };
  }
}

let clock = 0;
const now = () => (clock += 1000);

async function runToEnd(state: TunerState, runner = new AnalyticRunner()) {
  return { state: await runHyperband(state, { runner, now }), runner };
}

describe('Hyperband tuner', () => {
  it('runs the worked example: 30 trials in schedule order, ending complete', async () => {
    const { state } = await runToEnd(createTunerState(settings()));
    expect(state.end).toEqual({ reason: 'complete' });
    expect(state.trials).toHaveLength(30);
    const expected = hyperbandSchedule(settings()).rounds.flatMap((r) =>
      Array.from({ length: r.trials }, () => [r.bracket, r.round, r.initialEpoch, r.epochs]),
    );
    expect(state.trials.map((t) => [t.bracket, t.round, t.initialEpoch, t.epochs])).toEqual(
      expected,
    );
    expect(state.trials.map((t) => t.trialId).slice(0, 3)).toEqual(['0001', '0002', '0003']);
    expect(state.elapsedMs).toBe(30 * 1000);
  });

  it('promotes the best finished trials of the previous round', async () => {
    const { state } = await runToEnd(createTunerState(settings()));
    for (const bracket of [2, 1]) {
      for (let round = 1; round <= bracket; round++) {
        const previous = state.trials.filter((t) => t.bracket === bracket && t.round === round - 1);
        const current = state.trials.filter((t) => t.bracket === bracket && t.round === round);
        const bestFirst = [...previous].sort((a, b) => a.valLoss! - b.valLoss!);
        expect(current.map((t) => t.parentId)).toEqual(
          bestFirst.slice(0, current.length).map((t) => t.trialId),
        );
      }
    }
  });

  it("continues a promoted trial from its parent's checkpoint, configuration and epoch", async () => {
    const { state, runner } = await runToEnd(createTunerState(settings()));
    const promoted = state.trials.filter((t) => t.parentId !== null);
    expect(promoted).toHaveLength(4 + 2 + 2);
    for (const trial of promoted) {
      const parent = state.trials.find((t) => t.trialId === trial.parentId)!;
      const request = runner.requests[trial.number - 1];
      expect(request.parentCheckpoint).toBe(parent.checkpoint);
      expect(request.config).toEqual(parent.config);
      expect(request.initialEpoch).toBe(parent.epochs);
      expect(trial.epochsRun).toBe(trial.epochs - parent.epochs);
    }
  });

  it('draws the same configurations for the same seed, other ones for another seed', async () => {
    const a = (await runToEnd(createTunerState(settings()))).state;
    const b = (await runToEnd(createTunerState(settings()))).state;
    const c = (await runToEnd(createTunerState(settings({ seed: 43 })))).state;
    expect(a.trials.map((t) => t.config)).toEqual(b.trials.map((t) => t.config));
    expect(a.trials[0].config).not.toEqual(c.trials[0].config);
  });

  it('draws within the search space and never repeats a configuration in round 0', async () => {
    const { state } = await runToEnd(createTunerState(settings({ iterations: 2 })));
    const fresh = state.trials.filter((t) => t.round === 0);
    expect(new Set(fresh.map((t) => configKey(t.config))).size).toBe(fresh.length);
    for (const { config } of state.trials) {
      expect(config.layers).toBeGreaterThanOrEqual(1);
      expect(config.layers).toBeLessThanOrEqual(4);
      expect(Number.isInteger(config.units) && config.units >= 32 && config.units <= 512).toBe(
        true,
      );
      expect(config.dropout).toBeGreaterThanOrEqual(0);
      expect(config.dropout).toBeLessThanOrEqual(0.5);
      expect(config.learningRate).toBeGreaterThanOrEqual(1e-4);
      expect(config.learningRate).toBeLessThanOrEqual(1e-1);
    }
    // Log-uniform: about as many draws below 1e-2.5 as above.
    const low = fresh.filter((t) => t.config.learningRate < 10 ** -2.5).length;
    expect(low / fresh.length).toBeGreaterThan(0.3);
    expect(low / fresh.length).toBeLessThan(0.7);
  });

  it('skips duplicate configurations and ends when the space is tried out', async () => {
    const narrow = {
      layers: { min: 1, max: 1 },
      units: { min: 32, max: 33 },
      dropout: { min: 0, max: 0 },
      activations: ['relu' as const, 'gelu' as const],
      learningRate: { min: 1e-3, max: 1e-3 },
    };
    const { state } = await runToEnd(createTunerState(settings({ space: narrow })));
    expect(state.trials).toHaveLength(4); // 2 units × 2 activations
    expect(new Set(state.trials.map((t) => configKey(t.config))).size).toBe(4);
    expect(state.end?.reason).toBe('exhausted');
  });

  it('resumes after a stop between trials and finishes exactly as an uninterrupted search', async () => {
    const uninterrupted = (await runToEnd(createTunerState(settings()))).state;
    const runner = new AnalyticRunner();
    let finished = 0;
    let state = await runHyperband(createTunerState(settings()), {
      runner,
      now,
      shouldStop: () => finished >= 14,
      onEvent: (event) => {
        if (event.kind === 'trial-finished') finished++;
      },
    });
    expect(state.trials).toHaveLength(14);
    expect(state.end).toBeNull();
    // The state survives a round trip through JSON (storage), then the search carries on.
    state = JSON.parse(JSON.stringify(state)) as TunerState;
    state = await runHyperband(state, { runner, now });
    expect(state.end).toEqual({ reason: 'complete' });
    const strip = (s: TunerState) => s.trials.map(({ ms: _ms, ...rest }) => rest);
    expect(strip(state)).toEqual(strip(uninterrupted));
  });

  it('reruns a trial interrupted by a stop, unrecorded, with the same configuration', async () => {
    let stopping = false;
    const inner = new AnalyticRunner();
    const interrupting: TrialRunner = {
      runTrial: async (request) => {
        if (request.trialId === '0005') {
          stopping = true;
          throw new Error('cancelled');
        }
        return inner.runTrial(request);
      },
    };
    const stopped = await runHyperband(createTunerState(settings()), {
      runner: interrupting,
      now,
      shouldStop: () => stopping,
    });
    expect(stopped.trials).toHaveLength(4);
    const next = planNextTrial(stopped);
    expect(next.kind === 'trial' && next.request.trialId).toBe('0005');
    const resumed = await runHyperband(stopped, { runner: inner, now });
    expect(resumed.trials).toHaveLength(30);
    expect(inner.requests.filter((r) => r.trialId === '0005')).toHaveLength(1);
    expect(next.kind === 'trial' && next.request.config).toEqual(resumed.trials[4].config);
  });

  it('records failed trials, promotes only finished ones, and ends after three failures in a row', async () => {
    const inner = new AnalyticRunner();
    const failing: TrialRunner = {
      runTrial: (request) =>
        ['0002', '0003'].includes(request.trialId)
          ? Promise.reject(new Error('out of memory'))
          : inner.runTrial(request),
    };
    const state = await runHyperband(createTunerState(settings()), { runner: failing, now });
    const failed = state.trials.filter((t) => t.status === 'failed');
    expect(failed.map((t) => [t.trialId, t.error])).toEqual([
      ['0002', 'out of memory'],
      ['0003', 'out of memory'],
    ]);
    const promotedParents = state.trials.map((t) => t.parentId).filter(Boolean);
    expect(promotedParents).not.toContain('0002');
    expect(state.end?.reason).toBe('complete');

    const broken: TrialRunner = { runTrial: () => Promise.reject(new Error('no backend')) };
    const gaveUp = await runHyperband(createTunerState(settings()), { runner: broken, now });
    expect(gaveUp.trials).toHaveLength(3);
    expect(gaveUp.end).toEqual({
      reason: 'failures',
      message: '3 trials failed in a row; the last said: no backend',
    });
  });

  it('finds the lowest validation loss as the best trial', async () => {
    const { state } = await runToEnd(createTunerState(settings()));
    const best = bestTrial(state)!;
    const lowest = Math.min(...state.trials.map((t) => t.valLoss!));
    expect(best.valLoss).toBe(lowest);
  });

  it("summarises the search like keras-tuner's printout", async () => {
    let finished = 0;
    const partial = await runHyperband(createTunerState(settings()), {
      runner: new AnalyticRunner(),
      now,
      shouldStop: () => finished >= 12,
      onEvent: (event) => {
        if (event.kind === 'trial-finished') finished++;
      },
    });
    const next = planNextTrial(partial);
    const rows = bestSoFarRows(partial, next.kind === 'trial' ? next : null);
    expect(rows.map((r) => r.hyperparameter)).toEqual([
      'layers',
      'dropout_rate',
      'final_activation',
      'lr',
      'units',
      'tuner/epochs',
      'tuner/initial_epoch',
      'tuner/bracket',
      'tuner/round',
    ]);
    const tunerRows = Object.fromEntries(rows.map((r) => [r.hyperparameter, r.value]));
    expect(tunerRows['tuner/round']).toBe('1');
    expect(tunerRows['tuner/initial_epoch']).toBe('2');
    const text = searchPrintout(partial, next.kind === 'trial' ? next : null);
    expect(text).toContain('Trial 12 Complete [00h 00m 01s]');
    expect(text).toContain('Search: Running Trial #13');
    expect(text).toContain(`Best val_loss So Far: ${bestTrial(partial)!.valLoss}`);
    expect(text).toMatch(/\|tuner\/bracket$/m);
  });
});
