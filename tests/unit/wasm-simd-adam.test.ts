import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/rng';
import {
  adamModuleBytes,
  wasmSimdAdam,
  type AdamStepConstants,
} from '../../src/stages/train/compute/backend/wasm-simd-adam';

/** Node's WebAssembly API (the tests' type-check has its types but not its value). */
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      validate(bytes: Uint8Array): boolean;
      Memory: new (d: { initial: number; maximum?: number; shared?: boolean }) => {
        buffer: ArrayBuffer;
      };
    };
  }
).WebAssembly;

const K: AdamStepConstants = {
  beta1: 0.9,
  beta2: 0.999,
  c1: 0.1,
  c2: 0.001,
  a: 0.001 / (1 - 0.9 ** 3),
  s: 1 / Math.sqrt(1 - 0.999 ** 3),
  epsilon: 1e-7,
};

/** The step in float64, as the reference. */
function reference(x: number, m: number, v: number, g: number): [number, number, number] {
  const m2 = m * K.beta1 + g * K.c1;
  const v2 = v * K.beta2 + g * g * K.c2;
  return [x - (K.a * m2) / (Math.sqrt(v2) * K.s + K.epsilon), m2, v2];
}

describe.each([false, true])('the SIMD Adam module (shared memory: %s)', (shared) => {
  it('is valid WebAssembly and computes the step on whole lanes of a memory it does not own', () => {
    expect(wasm.validate(adamModuleBytes(shared))).toBe(true);
    // tfjs' threaded build uses a shared memory (exposed as wasmMemory), the plain build an exported one.
    const memory = new wasm.Memory(
      shared ? { initial: 2, maximum: 8, shared: true } : { initial: 2 },
    );
    const pass = wasmSimdAdam(shared ? { wasmMemory: memory } : { asm: { memory } });
    if (!pass) throw new Error('no SIMD pass');
    const count = 1003; // 250 lanes of 4 and a tail of 3 the pass leaves to JavaScript
    const heap = new Float32Array(memory.buffer);
    const base = [0, 1, 2, 3, 4, 5, 6].map((k) => 64 + k * 1024); // float indices, 16-byte aligned
    const rng = createRng(5);
    for (let i = 0; i < count; i++) {
      heap[base[0] + i] = rng.next() - 0.5;
      heap[base[1] + i] = (rng.next() - 0.5) * 0.01;
      heap[base[2] + i] = rng.next() * 1e-4;
      heap[base[3] + i] = (rng.next() - 0.5) * 0.1;
    }
    const inputs = heap.slice(base[0], base[3] + count);
    const [x, m, v, g, xOut, mOut, vOut] = base.map((b) => b * 4);
    expect(pass({ x, m, v, g, xOut, mOut, vOut, count }, K)).toBe(1000);
    for (let i = 0; i < count; i++) {
      const expected =
        i < 1000
          ? reference(heap[base[0] + i], heap[base[1] + i], heap[base[2] + i], heap[base[3] + i])
          : [0, 0, 0];
      for (let k = 0; k < 3; k++)
        expect(Math.abs(heap[base[4 + k] + i] - expected[k])).toBeLessThanOrEqual(
          1e-6 * Math.max(1, Math.abs(expected[k])),
        );
    }
    // The inputs are left as they were (a clone may share their data).
    expect(heap.slice(base[0], base[3] + count)).toEqual(inputs);
  });
});

it('gives no pass without a memory to bind to', () => {
  expect(wasmSimdAdam(undefined)).toBeNull();
  expect(wasmSimdAdam({})).toBeNull();
});
