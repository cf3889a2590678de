import { useCellResult } from '../../../app/state/cell-results';
import { formatDuration } from '../../../ui-kit/format';
import { useStore } from '../../../ui-kit/store';
import { describeBackend } from '../../train/compute/backend-labels';
import { estimateScheduleMs, type HyperbandSchedule } from '../compute/hyperband-schedule';
import { measureTuneEpoch } from './tune-actions';
import { tuneStore } from './tune-store';

/**
 * How long the schedule will take: from the epochs of the running search once there are some, before that
 * from an epoch of a middle configuration timed on request.
 */
export function ScheduleEstimate({
  schedule,
  busy,
}: {
  schedule: HyperbandSchedule;
  busy: boolean;
}) {
  const { secondsPerEpoch, epochTiming, timing } = useStore(tuneStore, (s) => s);
  const sequences = useCellResult('sequences');
  const measured =
    secondsPerEpoch.length > 0
      ? secondsPerEpoch.reduce((a, b) => a + b, 0) / secondsPerEpoch.length
      : null;
  let text: string;
  if (measured !== null)
    text = `At the ${measured.toFixed(1)} s per epoch measured in this search, the whole schedule takes at most ${formatDuration(estimateScheduleMs(schedule, measured * 1000))} (early stopping ends trials sooner).`;
  else if (epochTiming) {
    const { config } = epochTiming;
    text =
      `One epoch of a middle configuration (${config.layers} × ${config.units} units) took ` +
      `${formatDuration(epochTiming.msPerEpoch)} on ${describeBackend(epochTiming.backend)} ` +
      `(${Math.round(epochTiming.windowsPerSecond).toLocaleString('en-US')} windows/s), so the whole ` +
      `schedule takes about ${formatDuration(estimateScheduleMs(schedule, epochTiming.msPerEpoch))} at most; ` +
      'bigger configurations take longer, early stopping ends trials sooner.';
  } else
    text =
      'Measure an epoch to estimate how long the schedule takes on this machine, or start: the estimate follows the first epochs.';
  return (
    <p className="note" data-testid="tune-estimate">
      {text}{' '}
      {measured === null && (
        <button
          type="button"
          disabled={!sequences || busy || timing === 'running'}
          onClick={() => void measureTuneEpoch()}
        >
          {timing === 'running' ? 'Measuring…' : 'Measure an epoch'}
        </button>
      )}
      {timing !== null && timing !== 'running' && (
        <span role="alert"> The epoch could not be timed: {timing.error}</span>
      )}
    </p>
  );
}
