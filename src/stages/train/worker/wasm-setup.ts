/**
 * Starts tfjs' wasm backend from the files Vite bundled, threaded when the page allows it.
 *
 * Two tfjs-backend-wasm 4.22 quirks are handled here:
 * - Threads: pthread workers load the module factory from a Blob made of `factory.toString()`. In a minified
 *   build that source refers to names that only exist in the bundle ("ReferenceError: e is not defined",
 *   docs/tfjs-notes.md), so the threaded backend fails. We give the factory a `toString` that returns its original,
 *   self-contained source (imported `?raw`), which is what the unminified build would have had.
 * - Thread count: the pool is capped at navigator.hardwareConcurrency / 2 (1 on a 2-core machine). Training owns
 *   this worker, so we let it use every core.
 * If the threaded start still fails, `startWasmBackend` falls back to the single-threaded binary.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import threadedFactory from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';
import threadedSource from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

type Tf = typeof tfjs;

/** The worker globals used here (declared locally so this file also type-checks in the Node project). */
interface Scope {
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
  addEventListener?(type: 'error', listener: (event: { message?: string }) => void): void;
  removeEventListener?(type: 'error', listener: (event: { message?: string }) => void): void;
}
const scope = globalThis as unknown as Scope;

const DECLARATION = 'var WasmBackendModuleThreadedSimd = ';

/** The factory expression of the original script: an IIFE that returns the factory, with nothing outside it. */
function standaloneFactorySource(raw: string): string | null {
  const start = raw.indexOf(DECLARATION);
  const end = raw.lastIndexOf('})();');
  if (start < 0 || end < start) return null;
  return raw.slice(start + DECLARATION.length, end + '})()'.length);
}

let configured = false;

function configure(tf: Tf, threads: number): void {
  if (configured) return;
  configured = true;
  // In Node (the CLI, tests) tfjs reads its binaries from node_modules itself.
  if (tf.env().getBool('IS_NODE')) return;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlain,
    'tfjs-backend-wasm-simd.wasm': wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
  });
  const source = standaloneFactorySource(threadedSource);
  if (source)
    Object.defineProperty(threadedFactory, 'toString', { value: () => source, configurable: true });
  if (threads > 1 && scope.navigator) {
    Object.defineProperty(scope.navigator, 'hardwareConcurrency', {
      value: 2 * threads,
      configurable: true,
    });
  }
  setThreadsCount(threads);
}

export interface WasmStart {
  threads: number;
  /** Why threads are off, when they are. */
  note: string | null;
}

/**
 * Settles with `promise`, or rejects after `ms`, or as soon as an uncaught error reaches this worker (a failing
 * pthread worker reports that way, while tfjs' start-up promise just never settles).
 */
function settleOrFail<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
  failOnUncaught: boolean,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (event: { message?: string }) => {
      done();
      reject(new Error(`${what} failed: ${event.message || 'an error in a wasm thread'}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${what} did not finish within ${ms / 1000} s`));
    }, ms);
    const done = () => {
      clearTimeout(timer);
      scope.removeEventListener?.('error', onError);
    };
    if (failOnUncaught) scope.addEventListener?.('error', onError);
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export interface WasmStartOptions {
  /** Threads to ask for when the page is cross-origin isolated (default: one per core). */
  threads?: number;
  timeoutMs?: number;
}

/**
 * Makes wasm the active backend. Threads: one per core when the page is cross-origin isolated (the only way
 * to get SharedArrayBuffer), else one. Only the first call's thread count applies (tfjs reads it once).
 */
export async function startWasmBackend(tf: Tf, options: WasmStartOptions = {}): Promise<WasmStart> {
  const { timeoutMs = 30_000 } = options;
  const isolated = scope.crossOriginIsolated === true;
  const cores = Math.max(1, scope.navigator?.hardwareConcurrency ?? 1);
  configure(tf, isolated ? (options.threads ?? cores) : 1);
  const factory = tf.findBackendFactory('wasm');
  try {
    const started = settleOrFail(
      tf.setBackend('wasm'),
      timeoutMs,
      'starting the wasm backend',
      true,
    );
    if (!(await started)) throw new Error('the wasm backend failed to start');
    return {
      threads: getThreadsCount(),
      note: isolated ? null : 'single-threaded: the page is not cross-origin isolated',
    };
  } catch (error) {
    const threaded = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    if (!threaded || !factory) throw error;
    // Retry with the single-threaded binary.
    const reason = error instanceof Error ? error.message : String(error);
    tf.removeBackend('wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    tf.registerBackend('wasm', factory, 2);
    // The failed threads may still report errors: only a timeout counts now.
    const retried = settleOrFail(
      tf.setBackend('wasm'),
      timeoutMs,
      'restarting the wasm backend',
      false,
    );
    if (!(await retried))
      throw new Error('the wasm backend failed to start, threaded or not', { cause: error });
    return {
      threads: getThreadsCount(),
      note: `single-threaded: the threaded start failed (${reason})`,
    };
  }
}
