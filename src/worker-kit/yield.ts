/**
 * Lets the worker's event loop run (so a `stop` message is handled mid-training) without the 4 ms clamp that
 * nested setTimeout calls get: a MessageChannel message is a fresh task with no delay.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
