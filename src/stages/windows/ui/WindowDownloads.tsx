import { ErrorBox } from '../../../ui-kit/ErrorBox';
import { ProgressBar } from '../../../ui-kit/ProgressBar';
import { formatBytes, formatCount } from '../../../ui-kit/format';
import { useStore } from '../../../ui-kit/store';
import {
  MAX_WINDOW_EXPORT_BYTES,
  type SequencesResult,
  type SplitName,
  type WindowExportFormat,
} from '../contract';
import { cancelWindowsDownload, downloadWindows, windowsDownloadStore } from './windows-download';

const SPLITS: { split: SplitName; label: string }[] = [
  { split: 'train', label: 'Training' },
  { split: 'validation', label: 'Validation' },
  { split: 'test', label: 'Test' },
];

const FORMATS: { format: WindowExportFormat; label: string; sizeOf: 'csvBytes' | 'npzBytes' }[] = [
  { format: 'csv', label: 'CSV', sizeOf: 'csvBytes' },
  { format: 'npz', label: 'NumPy .npz', sizeOf: 'npzBytes' },
];

/** Buttons that save each split's windows as CSV or as NumPy arrays, with what the files hold. */
export function WindowDownloads({ result }: { result: SequencesResult }) {
  const { active, error } = useStore(windowsDownloadStore, (state) => state);
  const extras = [
    result.options.daysSincePrevious && (
      <span key="days">
        , <code>days_gap_log1p</code> (ln(1 + days since the previous rating))
      </span>
    ),
    result.options.movieMean && (
      <span key="mean">
        , <code>movie_mean</code> (the movie’s mean training rating)
      </span>
    ),
  ];
  return (
    <div className="window-downloads" data-testid="window-downloads">
      <table className="downloads" aria-label="Window downloads">
        <caption>Download the windows of each split (sizes are estimates)</caption>
        <thead>
          <tr>
            <th>Split</th>
            <th className="num">Windows</th>
            {FORMATS.map(({ format, label }) => (
              <th key={format}>{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SPLITS.map(({ split, label }) => {
            const size = result.downloads[split];
            return (
              <tr key={split}>
                <td>{label}</td>
                <td className="num">{formatCount(size.windows)}</td>
                {FORMATS.map(({ format, label: formatLabel, sizeOf }) => {
                  const bytes = size[sizeOf];
                  const tooLarge = bytes > MAX_WINDOW_EXPORT_BYTES;
                  return (
                    <td key={format}>
                      <button
                        type="button"
                        disabled={active !== null || size.windows === 0 || tooLarge}
                        aria-label={`Download the ${label.toLowerCase()} windows as ${formatLabel}`}
                        title={
                          tooLarge
                            ? `Over the ${formatBytes(MAX_WINDOW_EXPORT_BYTES)} download limit: cap the windows per user`
                            : undefined
                        }
                        onClick={() => void downloadWindows(result.windowsId, split, format)}
                      >
                        {formatLabel} · {tooLarge ? 'too large' : `≈ ${formatBytes(bytes)}`}
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {active && (
        <div className="download-progress">
          <ProgressBar
            fraction={active.fraction}
            label={`Preparing ${active.fileName ?? 'the download'}`}
          />
          <button type="button" onClick={cancelWindowsDownload} disabled={active.cancelled}>
            Cancel
          </button>
        </div>
      )}
      {error && <ErrorBox title="The download failed" message={error} />}
      <details>
        <summary>What the files hold</summary>
        <p>
          <strong>CSV</strong>: one row per window, in order of user, then time. Columns:{' '}
          <code>split</code>, <code>user_id</code>, then for each step <code>s1</code> (oldest) …{' '}
          <code>s{result.steps}</code> (the labelled rating) its <code>movie_id</code>,{' '}
          <code>date</code> (YYYY-MM-DD), <code>cluster</code> (numbered from 0, as in the one-hot
          block; empty for a movie without one) and <code>rating</code>
          {extras}; last <code>label</code>, the rating the model predicts.{' '}
          <code>s{result.steps}_rating</code> is empty: the model never sees it (its input holds 0
          there). Ids are the dataset’s own (Netflix customer and movie ids).
        </p>
        <p>
          <strong>NumPy .npz</strong> (<code>numpy.load(path)</code>): <code>x</code> float32 of
          shape (windows, {result.steps}, {result.featureNames.length}), exactly what the LSTM is
          fed (features: {result.featureNames.join(', ')}); <code>y</code> float32 labels;{' '}
          <code>user_id</code>, <code>movie_id</code> and <code>date</code> (datetime64[D]) of each
          label; <code>feature_names</code>.
        </p>
        <p>
          Files are made in the data worker a few MB at a time and never leave this browser. Each
          file is limited to {formatBytes(MAX_WINDOW_EXPORT_BYTES)}; above it the button says “too
          large”: cap the windows per user, or use fewer steps or clusters.
        </p>
      </details>
    </div>
  );
}
