import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isWorkerStopped,
  superviseWorker,
  type SupervisedWorkerOptions,
} from '../../src/app/workers/supervised-worker';

type WorkerLike = ReturnType<SupervisedWorkerOptions['start']>;

/** A stand-in for a Web Worker: one end of a MessageChannel, the api exposed on the other. */
function fakeWorker(api: object) {
  const channel = new MessageChannel();
  expose(api, channel.port2);
  const listeners = new Map<string, ((event: unknown) => void)[]>();
  const port1 = channel.port1;
  const fake = {
    postMessage: (message: unknown, transfer?: ArrayBuffer[]) =>
      port1.postMessage(message, transfer ?? []),
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      if (type === 'error' || type === 'messageerror')
        listeners.set(type, [...(listeners.get(type) ?? []), listener]);
      else port1.addEventListener('message', listener as (event: Event) => void);
    },
    removeEventListener: (_type: string, listener: (event: unknown) => void) =>
      port1.removeEventListener('message', listener as (event: Event) => void),
    start: () => port1.start(),
    terminate: () => {
      port1.close();
      channel.port2.close();
    },
  };
  port1.start();
  const port = fake as unknown as WorkerLike;
  const fire = (type: string, event: unknown) =>
    listeners.get(type)?.forEach((listener) => listener(event));
  return { port, channel, fire };
}

const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((port) => port.close()));

describe('a supervised worker', () => {
  it('answers calls while it lives', async () => {
    const { port, channel } = fakeWorker({
      ping: async () => 1,
      double: async (x: number) => 2 * x,
    });
    open.push(channel.port1, channel.port2);
    const w = superviseWorker<{ ping(): Promise<number>; double(x: number): Promise<number> }>({
      name: 'test worker',
      start: () => port,
      pingMs: 10,
      silenceMs: 200,
    });
    expect(await w.call((api) => api.double(21))).toBe(42);
  });

  it('rejects a pending call at once when the worker fails, naming it, and starts afresh', async () => {
    let started = 0;
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const api = {
      ping: async () => 1,
      never: () => new Promise<number>(() => {}),
      one: async () => 1,
    };
    const stops: string[] = [];
    const w = superviseWorker<typeof api>({
      name: 'training worker',
      start: () => {
        started++;
        const made = fakeWorker(api);
        workers.push(made);
        open.push(made.channel.port1, made.channel.port2);
        return made.port;
      },
      onStopped: (error) => stops.push(error.message),
    });
    const pending = w.call((remote) => remote.never());
    await new Promise((resolve) => setTimeout(resolve, 20));
    workers[0].fire('error', {
      message: 'wasm memory access out of bounds',
      preventDefault() {},
    });
    const error = await pending.catch((e: unknown) => e);
    expect(isWorkerStopped(error)).toBe(true);
    expect((error as Error).message).toBe(
      'The training worker stopped: it failed (wasm memory access out of bounds). Run the cell again to restart it.',
    );
    expect(stops).toHaveLength(1);
    expect(await w.call((remote) => remote.one())).toBe(1);
    expect(started).toBe(2);
  });

  it('declares a worker that stops answering stopped while a call waits', async () => {
    let alive = true;
    const api = {
      ping: () => (alive ? Promise.resolve(1) : new Promise<number>(() => {})),
      never: () => new Promise<number>(() => {}),
    };
    const { port, channel } = fakeWorker(api);
    open.push(channel.port1, channel.port2);
    const w = superviseWorker<typeof api>({
      name: 'data worker',
      start: () => port,
      pingMs: 10,
      silenceMs: 100,
    });
    const pending = w.call((remote) => remote.never());
    await new Promise((resolve) => setTimeout(resolve, 150));
    alive = false;
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^The data worker stopped: it did not answer for 0 s\./,
    );
  });
});
