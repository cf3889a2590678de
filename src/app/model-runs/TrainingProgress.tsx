import { useMemo } from 'react';
import { Plot } from '../../ui-kit/Plot';
import { ProgressBar } from '../../ui-kit/ProgressBar';
import { formatCount, formatDuration } from '../../ui-kit/format';
import type { EpochLog } from '../../stages/train/contract';
import type { RunningModel } from './model-run';
import { useNow } from '../../ui-kit/use-now';

/** The per-batch loss and the per-epoch training and validation losses, as they grow. */
export function LossCurves({
  batchLosses,
  epochs,
  name,
}: {
  batchLosses: number[];
  epochs: EpochLog[];
  name: string;
}) {
  const batchData = useMemo(
    () => [
      {
        type: 'scattergl',
        mode: 'lines',
        y: batchLosses,
        name: 'batch loss',
        line: { width: 1, color: '#8a94a0' },
      },
    ],
    [batchLosses],
  );
  const epochData = useMemo(
    () => [
      {
        type: 'scatter',
        mode: 'lines+markers',
        x: epochs.map((e) => e.epoch + 1),
        y: epochs.map((e) => e.loss),
        name: 'training loss',
      },
      {
        type: 'scatter',
        mode: 'lines+markers',
        x: epochs.map((e) => e.epoch + 1),
        y: epochs.map((e) => e.valLoss),
        name: 'validation loss',
      },
    ],
    [epochs],
  );
  const batchLayout = useMemo(
    () => ({
      xaxis: { title: { text: 'batch' } },
      yaxis: { title: { text: 'MSE' } },
      showlegend: false,
    }),
    [],
  );
  const epochLayout = useMemo(
    () => ({ xaxis: { title: { text: 'epoch' }, dtick: 1 }, yaxis: { title: { text: 'MSE' } } }),
    [],
  );
  return (
    <div className="chart-grid">
      <Plot title={`${name}: loss per batch`} data={batchData} layout={batchLayout} height={240} />
      <Plot title={`${name}: loss per epoch`} data={epochData} layout={epochLayout} height={240} />
    </div>
  );
}

/** Progress bar with samples/s and an estimate of the time left (to the epoch limit; early stopping may end sooner). */
export function TrainingProgress({
  running,
  name,
  onStop,
  onCancel,
}: {
  running: RunningModel;
  name: string;
  onStop: () => void;
  onCancel: () => void;
}) {
  const now = useNow(true);
  const batches = running.batchLosses.length;
  const total = running.batchesPerEpoch * running.maxEpochs;
  const fraction = total > 0 ? Math.min(1, batches / total) : null;
  const elapsed = now - running.startedAt;
  const etaMs =
    fraction && fraction > 0 && batches > 5 ? (elapsed / fraction) * (1 - fraction) : null;
  const label = [
    running.phase === 'training'
      ? `epoch ${running.epoch + 1} of at most ${running.maxEpochs}`
      : running.phase,
    running.samplesPerSecond > 0 ? `${formatCount(running.samplesPerSecond)} samples/s` : '',
    etaMs !== null ? `at most ${formatDuration(etaMs)} left` : '',
    running.stopping ? 'stopping after this batch…' : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <div className="load-progress">
        <ProgressBar fraction={fraction} label={label} />
        <button
          type="button"
          onClick={onStop}
          disabled={running.stopping}
          title="Finish the current batch and keep the best weights"
        >
          Stop
        </button>
        <button
          type="button"
          onClick={onCancel}
          title="End the training worker at once; nothing is kept"
        >
          Cancel
        </button>
      </div>
      <LossCurves batchLosses={running.batchLosses} epochs={running.epochs} name={name} />
    </>
  );
}
