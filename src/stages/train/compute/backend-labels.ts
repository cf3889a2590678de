import type { BackendName, BackendReport } from '../contract';

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/** "WASM (2 threads)", "WebGPU": the backend in use as the backend panel and the status bar name it. */
export function describeBackend(report: BackendReport): string {
  const threads =
    report.threads !== null ? ` (${report.threads} thread${report.threads === 1 ? '' : 's'})` : '';
  return `${BACKEND_LABELS[report.backend]}${threads}`;
}
