/**
 * Workers send progress as fast as they make it; the page renders at most once per animation frame.
 * These wrappers coalesce a stream of messages into one update per frame.
 */

/** Collects every message since the last frame and applies them together (for increments, e.g. new points). */
export function batchPerFrame<T>(apply: (batch: T[]) => void): (message: T) => void {
  let batch: T[] = [];
  let scheduled = false;
  return (message) => {
    batch.push(message);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const due = batch;
      batch = [];
      apply(due);
    });
  };
}

/** Applies only the latest message of each frame (for states that replace each other, e.g. bytes read). */
export function latestPerFrame<T>(apply: (latest: T) => void): (message: T) => void {
  return batchPerFrame((batch: T[]) => apply(batch[batch.length - 1]));
}
