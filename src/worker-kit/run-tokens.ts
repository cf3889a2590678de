import type { RunId } from '../lib/ids';
import { CancelToken } from '../lib/cancellation';

/** Cancel tokens of the runs in progress, so that `cancel(runId)` from the page reaches the loop. */
export class RunTokens {
  private readonly tokens = new Map<RunId, CancelToken>();

  start(runId: RunId): CancelToken {
    const token = new CancelToken();
    this.tokens.set(runId, token);
    return token;
  }

  cancel(runId: RunId): void {
    this.tokens.get(runId)?.cancel();
  }

  finish(runId: RunId): void {
    this.tokens.delete(runId);
  }
}
