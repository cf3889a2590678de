import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bracketCount,
  bracketZeroSize,
  estimateScheduleMs,
  hyperbandOptionProblems,
  hyperbandSchedule,
  roundEpochs,
  roundSize,
  type HyperbandOptions,
} from '../../src/stages/tune/compute/hyperband-schedule';

const opts = (maxEpochs: number, factor: number, iterations = 1): HyperbandOptions => ({
  maxEpochs,
  factor,
  iterations,
});

/** Exact integer log: the k with factor^k ≤ maxEpochs < factor^(k+1), and whether factor^k = maxEpochs. */
function exactLog(maxEpochs: number, factor: number): { floor: number; exact: boolean } {
  let k = 0;
  while (factor ** (k + 1) <= maxEpochs) k++;
  return { floor: k, exact: factor ** k === maxEpochs };
}

/** The keras-tuner formulas, written out independently with exact rational arithmetic. */
function formulaRounds(maxEpochs: number, factor: number) {
  const { floor, exact } = exactLog(maxEpochs, factor);
  const brackets = floor + 1; // bracket b exists while maxEpochs / factor^b ≥ 1
  const s0 = exact ? 1 + floor : 2 + floor; // ceil(1 + log_factor(maxEpochs))
  const rounds: { bracket: number; round: number; trials: number; epochs: number }[] = [];
  for (let b = brackets - 1; b >= 0; b--) {
    for (let r = 0; r <= b; r++) {
      const scale = factor ** (b - r);
      rounds.push({
        bracket: b,
        round: r,
        trials: Math.ceil((s0 * scale) / (b + 1) - 1e-12),
        epochs: Math.ceil(maxEpochs / scale - 1e-12),
      });
    }
  }
  return rounds;
}

describe('Hyperband schedule', () => {
  it('is the worked example for maxEpochs 10, factor 3: 12×2 → 4×4 → 2×10, 6×4 → 2×10, 4×10', () => {
    const schedule = hyperbandSchedule(opts(10, 3));
    expect(schedule.rounds.map((r) => [r.bracket, r.round, r.trials, r.epochs])).toEqual([
      [2, 0, 12, 2],
      [2, 1, 4, 4],
      [2, 2, 2, 10],
      [1, 0, 6, 4],
      [1, 1, 2, 10],
      [0, 0, 4, 10],
    ]);
    expect(schedule.trials).toBe(30);
    // 12×2 + 4×(4−2) + 2×(10−4) + 6×4 + 2×(10−4) + 4×10
    expect(schedule.trainedEpochs).toBe(24 + 8 + 12 + 24 + 12 + 40);
    expect(schedule.rounds[1].initialEpoch).toBe(2);
    expect(schedule.rounds[2].initialEpoch).toBe(4);
    expect(schedule.rounds[0].initialEpoch).toBe(0);
  });

  it("matches keras-tuner's own test for maxEpochs 8, factor 2", () => {
    const o = opts(8, 2);
    expect(bracketCount(o)).toBe(4);
    expect(roundSize(o, 3, 0)).toBe(8);
    expect(roundEpochs(o, 3, 0)).toBe(1);
    expect(roundSize(o, 3, 3)).toBe(1);
    expect(roundEpochs(o, 3, 3)).toBe(8);
    expect(roundSize(o, 0, 0)).toBe(4);
    expect(roundEpochs(o, 0, 0)).toBe(8);
  });

  const pairs: [number, number][] = [
    [1, 2],
    [2, 2],
    [7, 2],
    [8, 2],
    [9, 3],
    [10, 3],
    [27, 3],
    [81, 3],
    [100, 3],
    [243, 3],
    [500, 3],
    [50, 4],
    [125, 5],
    [1000, 10],
  ];
  it.each(pairs)('equals the formulas for maxEpochs %i, factor %i', (maxEpochs, factor) => {
    const schedule = hyperbandSchedule(opts(maxEpochs, factor));
    expect(
      schedule.rounds.map(({ bracket, round, trials, epochs }) => ({
        bracket,
        round,
        trials,
        epochs,
      })),
    ).toEqual(formulaRounds(maxEpochs, factor));
    // Every round keeps about 1/factor of the one before and trains factor times longer, up to maxEpochs.
    const last = schedule.rounds.filter((r) => r.round === r.bracket);
    for (const round of last) expect(round.epochs).toBe(maxEpochs);
  });

  it("equals keras-tuner's arithmetic evaluated in Python (scripts/tune/keras_tuner_schedule.py)", () => {
    const fixture = JSON.parse(
      readFileSync('tests/fixtures/hyperband-schedules.json', 'utf8'),
    ) as Record<string, number[][]>;
    expect(Object.keys(fixture)).toHaveLength(pairs.length);
    for (const [maxEpochs, factor] of pairs) {
      const schedule = hyperbandSchedule(opts(maxEpochs, factor));
      expect(schedule.rounds.map((r) => [r.bracket, r.round, r.trials, r.epochs])).toEqual(
        fixture[`${maxEpochs},${factor}`],
      );
    }
  });

  it('takes log_factor of exact powers exactly, where floating point lands on the wrong side', () => {
    // Math.log(9) / Math.log(3) is 2.0000000000000004: a naive ceil(1 + log) would give 4, not 3.
    expect(Math.ceil(1 + Math.log(9) / Math.log(3))).toBe(4);
    expect(bracketZeroSize(opts(9, 3))).toBe(3);
    expect(Math.ceil(1 + Math.log(81) / Math.log(3))).toBe(6);
    expect(bracketZeroSize(opts(81, 3))).toBe(5);
    expect(bracketZeroSize(opts(1000, 10))).toBe(4);
    expect(bracketZeroSize(opts(10, 3))).toBe(4);
  });

  it("places the report's trial #616 where its printout says: bracket 3, round 0, 19 epochs", () => {
    // The printout shows tuner/epochs 19 in bracket 3 and 7 in bracket 4, round 0, which fits max_epochs ≈ 500.
    const schedule = hyperbandSchedule(opts(500, 3));
    let seen = 0;
    const at = (trialNumber: number) =>
      schedule.rounds.find((r) => {
        seen += r.trials;
        return seen >= trialNumber;
      })!;
    const trial616 = at(616);
    expect([trial616.bracket, trial616.round, trial616.epochs, trial616.initialEpoch]).toEqual([
      3, 0, 19, 0,
    ]);
    expect(roundEpochs(opts(500, 3), 4, 0)).toBe(7);
  });

  it('repeats the brackets for each iteration', () => {
    const one = hyperbandSchedule(opts(10, 3, 1));
    const three = hyperbandSchedule(opts(10, 3, 3));
    expect(three.trials).toBe(3 * one.trials);
    expect(three.rounds.filter((r) => r.iteration === 2)).toHaveLength(one.rounds.length);
  });

  it('estimates the duration from the trained epochs and a measured epoch time', () => {
    const schedule = hyperbandSchedule(opts(10, 3));
    expect(estimateScheduleMs(schedule, 1500)).toBe(120 * 1500);
  });

  it('refuses unusable options with a clear message', () => {
    expect(hyperbandOptionProblems(opts(10, 1))).toEqual([
      'The factor must be a whole number from 2 to 10.',
    ]);
    expect(hyperbandOptionProblems(opts(0, 3))[0]).toMatch(/Max epochs/);
    expect(hyperbandOptionProblems(opts(10, 3, 0))[0]).toMatch(/Iterations/);
    expect(() => hyperbandSchedule(opts(10.5, 3))).toThrow(/Max epochs/);
  });
});
