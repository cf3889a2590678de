/* global window, document, Worker, URL, performance, setTimeout */
// The loading benchmark's page: hands the chosen file to a module worker that loads it with the project's
// compute, exactly as the data worker does, then (where the browser allows) asks for the memory the page and
// its worker hold while the dataset is alive. The Node driver reads `window.benchResult`.
const worker = new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module' });

/** performance.measureUserAgentSpecificMemory needs cross-origin isolation; null where it is missing or slow. */
async function heldBytes() {
  if (!window.crossOriginIsolated || !performance.measureUserAgentSpecificMemory) return null;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 60_000));
  const measured = performance.measureUserAgentSpecificMemory().then((m) => m.bytes);
  return Promise.race([measured, timeout]);
}

worker.onmessage = async (event) => {
  const result = event.data;
  if (!result.error) result.heldBytesAfterLoad = await heldBytes();
  window.benchResult = result;
  document.title = 'done';
};
worker.onerror = (event) => {
  window.benchResult = { error: event.message || 'worker error' };
  document.title = 'done';
};
document.getElementById('file').addEventListener('change', (event) => {
  worker.postMessage(event.target.files[0]);
});
document.title = 'ready';
