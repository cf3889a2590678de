/** Number formatting for the page, in one place so that every cell reads the same. */
const integer = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return integer.format(Math.round(n));
}

export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Rate and time left from progress so far; null until there is enough to say. */
export function rateAndEta(
  done: number,
  total: number | null,
  elapsedMs: number,
): { perSecond: number; etaMs: number | null } | null {
  if (elapsedMs < 200 || done <= 0) return null;
  const perSecond = (done / elapsedMs) * 1000;
  const etaMs = total !== null && total > done ? ((total - done) / perSecond) * 1000 : null;
  return { perSecond, etaMs };
}
