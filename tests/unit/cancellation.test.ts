import { MessageChannel } from 'node:worker_threads';
import { expose, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CANCELLED_ERROR_NAME,
  CancelledError,
  CancelToken,
  isCancelled,
} from '../../src/lib/cancellation';

describe('the cancellation vocabulary', () => {
  const channels: MessageChannel[] = [];
  afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

  it('a token throws only once cancelled, with the message asked for', () => {
    const token = new CancelToken();
    expect(token.cancelled).toBe(false);
    expect(() => token.throwIfCancelled()).not.toThrow();
    token.cancel();
    expect(token.cancelled).toBe(true);
    expect(() => token.throwIfCancelled('The load was cancelled.')).toThrow(
      new CancelledError('The load was cancelled.'),
    );
    expect(() => token.throwIfCancelled()).toThrow('The run was cancelled.');
  });

  it('tells a cancellation from any other error', () => {
    expect(isCancelled(new CancelledError())).toBe(true);
    expect(isCancelled(new Error('The run was cancelled.'))).toBe(false);
    expect(isCancelled(new RangeError('k = 9 was not part of the sweep.'))).toBe(false);
    expect(isCancelled(undefined)).toBe(false);
    expect(isCancelled('CancelledError')).toBe(false);
  });

  it('recognises a cancellation that lost its class, as an error from a worker does', () => {
    // comlink sends a thrown Error as structured-cloned name and message and rebuilds a plain Error from them.
    const wire = structuredClone({ name: CANCELLED_ERROR_NAME, message: 'The run was cancelled.' });
    const rebuilt = Object.assign(new Error(wire.message), wire);
    expect(rebuilt).not.toBeInstanceOf(CancelledError);
    expect(isCancelled(wire)).toBe(true);
    expect(isCancelled(rebuilt)).toBe(true);
  });

  it('recognises a cancellation thrown in a worker function called through comlink', async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    const token = new CancelToken();
    const api = {
      cancel: () => token.cancel(),
      loop: async (): Promise<void> => {
        for (let step = 0; ; step++) {
          token.throwIfCancelled();
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      },
      fail: (): string => {
        throw new Error('Dataset data-1 is no longer loaded; run the Data cell again.');
      },
    };
    expose(api, nodeEndpoint(channel.port1));
    const remote = wrap<typeof api>(nodeEndpoint(channel.port2));
    const running = remote.loop();
    await remote.cancel();
    const error = await running.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeInstanceOf(CancelledError);
    expect(isCancelled(error)).toBe(true);
    expect((error as Error).message).toBe('The run was cancelled.');
    const other = await remote.fail().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isCancelled(other)).toBe(false);
  });
});
