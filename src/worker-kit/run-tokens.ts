import type { RunId } from '../lib/ids';
import type { CancelToken } from '../stages/ingest/compute/load-errors';

/** Cancel tokens of the runs in progress, so that `cancel(runId)` from the page reaches the loop. */
export class RunTokens {
  private readonly tokens = new Map<RunId, { cancelled: boolean }>();

  start(runId: RunId): CancelToken {
    const token = { cancelled: false };
    this.tokens.set(runId, token);
    return token;
  }

  cancel(runId: RunId): void {
    const token = this.tokens.get(runId);
    if (token) token.cancelled = true;
  }

  finish(runId: RunId): void {
    this.tokens.delete(runId);
  }
}
