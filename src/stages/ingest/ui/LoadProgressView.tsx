import { ProgressBar } from '../../../ui-kit/ProgressBar';
import { formatBytes, formatCount, formatDuration, rateAndEta } from '../../../ui-kit/format';
import type { LoadInProgress } from './data-store';

export function LoadProgressView({
  loading,
  now,
  onCancel,
}: {
  loading: LoadInProgress;
  now: number;
  onCancel: () => void;
}) {
  const progress = loading.progress;
  const read = progress?.bytesRead ?? 0;
  const total = progress?.totalBytes ?? null;
  const rate = rateAndEta(read, total, now - loading.startedAt);
  const parts = [
    `Loading ${loading.label}`,
    progress ? `${formatBytes(read)}${total ? ` of ${formatBytes(total)}` : ''}` : 'starting…',
    progress ? `${formatCount(progress.ratings)} ratings` : '',
    rate ? `${(rate.perSecond / 1e6).toFixed(1)} MB/s` : '',
    rate?.etaMs != null ? `about ${formatDuration(rate.etaMs)} left` : '',
  ].filter(Boolean);
  return (
    <div className="load-progress">
      <ProgressBar fraction={total ? read / total : null} label={parts.join(' · ')} />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
