/**
 * The fused Adam pass as a tiny WebAssembly SIMD function that works on tfjs-backend-wasm's own heap: a
 * JavaScript loop over the heap runs at ~5 ns per element on this kind of machine (sqrt and division in
 * float64, one lane), which on a 40,000 × 64 embedding table is still ~15 ms a step; f32x4 lanes make the
 * pass memory-bound. The module (about 200 bytes) is assembled here rather than shipped as a .wasm file, so
 * that it needs no build step or bundler asset, and it imports tfjs' WebAssembly.Memory (exported as
 * `asm.memory` by the single-threaded build, as `wasmMemory` by the threaded one), so no data is copied.
 * `wasmSimdAdam` returns null where WebAssembly SIMD or the memory is not available; the caller then uses the
 * JavaScript pass.
 */

/** The subset of the WebAssembly JS API used here (compute/ is type-checked without DOM or Node types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}

/** A WebAssembly.Memory, as far as this module needs to know it. */
interface WasmMemory {
  buffer: ArrayBufferLike;
}

/** Byte offsets on the heap of x, m, v, g and of the three outputs; `count` elements of each. */
export interface AdamHeapOffsets {
  x: number;
  m: number;
  v: number;
  g: number;
  xOut: number;
  mOut: number;
  vOut: number;
  count: number;
}

/** Constants of one step: m' = m·β1 + g·c1, v' = v·β2 + g²·c2, x' = x − a·m' / (√v'·s + ε). */
export interface AdamStepConstants {
  beta1: number;
  beta2: number;
  c1: number;
  c2: number;
  a: number;
  s: number;
  epsilon: number;
}

/** Runs the pass over the first `count − count % 4` elements (whole f32x4 lanes); returns how many it did. */
export type SimdAdam = (offsets: AdamHeapOffsets, k: AdamStepConstants) => number;

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;

const uleb = (value: number): number[] => {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const text = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const simd = (op: number) => [0xfd, ...uleb(op)];
const LOAD = [...simd(0x00), 0, 0];
const STORE = [...simd(0x0b), 0, 0];
const SPLAT = simd(0x13);
const [SQRT, ADD, SUB, MUL, DIV] = [0xe3, 0xe4, 0xe5, 0xe6, 0xe7].map(simd);
const I32_ADD = [0x6a];

// Parameters: 0–6 byte offsets of x, m, v, g, x', m', v'; 7 the byte length to cover; 8–14 the constants
// β1, β2, c1, c2, a, s, ε. Locals: 15 the byte position; 16–22 the constants splatted; 23–25 g, m', v'.
const [POS, K, G, M, V] = [15, 16, 23, 24, 25];
const at = (pointer: number) => [...get(pointer), ...get(POS), ...I32_ADD];

function adamBody(): number[] {
  const code = [
    ...[0, 1, 2, 3, 4, 5, 6].flatMap((k) => [...get(8 + k), ...SPLAT, ...set(K + k)]),
    ...[0x02, 0x40, 0x03, 0x40], // block, loop
    ...get(POS),
    ...get(7),
    0x4f, // i32.ge_u
    0x0d,
    1, // br_if out of the block
    ...at(3),
    ...LOAD,
    ...set(G),
    ...at(1),
    ...LOAD,
    ...get(K),
    ...MUL,
    ...get(G),
    ...get(K + 2),
    ...MUL,
    ...ADD,
    ...set(M),
    ...at(2),
    ...LOAD,
    ...get(K + 1),
    ...MUL,
    ...get(G),
    ...get(G),
    ...MUL,
    ...get(K + 3),
    ...MUL,
    ...ADD,
    ...set(V),
    ...at(5),
    ...get(M),
    ...STORE,
    ...at(6),
    ...get(V),
    ...STORE,
    ...at(4),
    ...at(0),
    ...LOAD,
    ...get(K + 4),
    ...get(M),
    ...MUL,
    ...get(V),
    ...SQRT,
    ...get(K + 5),
    ...MUL,
    ...get(K + 6),
    ...ADD,
    ...DIV,
    ...SUB,
    ...STORE,
    ...get(POS),
    ...[0x41, 16], // i32.const 16
    ...I32_ADD,
    ...set(POS),
    ...[0x0c, 0], // br to the loop
    ...[0x0b, 0x0b, 0x0b], // end loop, end block, end function
  ];
  const locals = vec([
    [1, I32],
    [10, V128],
  ]);
  return [...uleb(locals.length + code.length), ...locals, ...code];
}

/** The module's bytes; `shared`: import a shared memory (tfjs' threaded build). */
export function adamModuleBytes(shared: boolean): Uint8Array {
  const type = [0x60, ...vec([...Array(8).fill([I32]), ...Array(7).fill([F32])]), 0];
  // Shared memories must declare a maximum; 65,536 pages (4 GiB) admits any wasm32 memory.
  const limits = shared ? [0x03, 1, ...uleb(65536)] : [0x00, 1];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([type])),
    ...section(2, vec([[...text('env'), ...text('memory'), 0x02, ...limits]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...text('adam'), 0x00, 0]])),
    ...section(10, vec([adamBody()])),
  ];
  return Uint8Array.from(bytes);
}

/** tfjs-backend-wasm's emscripten module, as far as finding its memory goes. */
interface EmscriptenModule {
  asm?: { memory?: WasmMemory };
  wasmMemory?: WasmMemory;
}

const instances = new WeakMap<object, SimdAdam | null>();

/** The SIMD pass bound to the memory of tfjs' wasm module `wasm` (the backend's `.wasm`), or null. */
export function wasmSimdAdam(wasm: EmscriptenModule | undefined): SimdAdam | null {
  const memory = wasm?.wasmMemory ?? wasm?.asm?.memory;
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (!memory || !api) return null;
  if (instances.has(memory)) return instances.get(memory) ?? null;
  let pass: SimdAdam | null = null;
  const shared = Object.prototype.toString.call(memory.buffer) === '[object SharedArrayBuffer]';
  const bytes = adamModuleBytes(shared);
  if (api.validate(bytes)) {
    const instance = new api.Instance(new api.Module(bytes), { env: { memory } });
    const adam = instance.exports.adam as (...args: number[]) => void;
    pass = (o, k) => {
      const lanes = o.count - (o.count % 4);
      adam(
        o.x,
        o.m,
        o.v,
        o.g,
        o.xOut,
        o.mOut,
        o.vOut,
        lanes * 4,
        k.beta1,
        k.beta2,
        k.c1,
        k.c2,
        k.a,
        k.s,
        k.epsilon,
      );
      return lanes;
    };
  }
  instances.set(memory, pass);
  return pass;
}
