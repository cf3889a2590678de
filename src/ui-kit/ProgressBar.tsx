export interface ProgressBarProps {
  /** 0–1, or null when the total is unknown (the bar then pulses). */
  fraction: number | null;
  label: string;
}

export function ProgressBar({ fraction, label }: ProgressBarProps) {
  return (
    <div className="progress">
      <div
        className={fraction === null ? 'progress-track indeterminate' : 'progress-track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
      >
        <div
          className="progress-fill"
          style={{ width: fraction === null ? '30%' : `${Math.min(100, fraction * 100)}%` }}
        />
      </div>
      <span className="progress-label">{label}</span>
    </div>
  );
}
