/**
 * Gathers per-batch losses and sends them as one 'batches' increment at most every `intervalMs` (and whenever
 * the epoch changes or training ends), so a fast model cannot flood the page with messages.
 */
import type { BatchProgress } from '../compute/api';
import type { TrainProgress } from '../contract';

export class BatchCoalescer {
  private epoch = -1;
  private fromBatch = 0;
  private losses: number[] = [];
  private batchesPerEpoch = 0;
  private samplesPerSecond = 0;
  private lastSent = 0;

  constructor(
    private readonly send: (progress: TrainProgress) => void,
    private readonly intervalMs = 50,
    private readonly now: () => number = () => Date.now(),
  ) {}

  add(progress: BatchProgress): void {
    if (progress.epoch !== this.epoch) {
      this.flush();
      this.epoch = progress.epoch;
      this.fromBatch = progress.batch;
    }
    this.losses.push(progress.loss);
    this.batchesPerEpoch = progress.batchesPerEpoch;
    this.samplesPerSecond = progress.samplesPerSecond;
    if (this.now() - this.lastSent >= this.intervalMs) this.flush();
  }

  flush(): void {
    if (this.losses.length === 0) return;
    this.send({
      kind: 'batches',
      epoch: this.epoch,
      fromBatch: this.fromBatch,
      losses: this.losses,
      batchesPerEpoch: this.batchesPerEpoch,
      samplesPerSecond: this.samplesPerSecond,
    });
    this.fromBatch += this.losses.length;
    this.losses = [];
    this.lastSent = this.now();
  }
}
