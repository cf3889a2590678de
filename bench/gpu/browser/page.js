/* global window, document, Worker, URL, URLSearchParams */
// The bench:gpu page: runs each requested measurement in a fresh module worker (backend patches are
// per-worker), one after another, and leaves the results on `window.benchResults` for the Node driver.
const plan = JSON.parse(new URLSearchParams(window.location.search).get('plan') ?? '[]');

function runOne(job) {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./gpu.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ job, error: event.message || 'worker error' });
    };
    worker.postMessage(job);
  });
}

window.benchResults = [];
(async () => {
  for (const job of plan) window.benchResults.push(await runOne(job));
  document.title = 'done';
})();
