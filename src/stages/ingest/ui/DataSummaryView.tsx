import { StatGrid } from '../../../ui-kit/StatGrid';
import { formatBytes, formatCount, formatPercent } from '../../../ui-kit/format';
import type { LoadResult } from '../contract';

/** The loaded dataset in figures: the totals, each file and what it gave, and the first skipped lines. */
export function DataSummaryView({ result }: { result: LoadResult }) {
  const { summary, report, source } = result;
  return (
    <div className="data-summary">
      <p className="source-line" data-testid="data-source">
        {source.kind === 'sample' ? (
          <>
            <span className="badge">Generated sample</span> Not real Netflix data: a seeded stand-in
            in the Netflix Prize format, calibrated to the real data’s rating shares, dates and long
            tails, with planted genres.
          </>
        ) : (
          <>
            <span className="badge">Uploaded</span> {source.files.join(', ')} (read in this tab;
            nothing was sent anywhere)
          </>
        )}
      </p>
      <StatGrid
        name="Dataset summary"
        stats={[
          { label: 'Ratings', value: formatCount(summary.ratings) },
          { label: 'Users', value: formatCount(summary.users) },
          { label: 'Movies', value: formatCount(summary.movies) },
          { label: 'First date', value: summary.firstDate },
          { label: 'Last date', value: summary.lastDate },
          {
            label: 'Density',
            value: formatPercent(summary.density, 2),
            hint: 'ratings ÷ (users × movies)',
          },
          { label: 'Mean rating', value: summary.meanRating.toFixed(3) },
          { label: 'Skipped lines', value: formatCount(report.skippedLines) },
          { label: 'Titled movies', value: formatCount(summary.titledMovies) },
          {
            label: 'Memory',
            value: formatBytes(summary.bytes),
            hint: `${(summary.bytes / Math.max(1, summary.ratings)).toFixed(1)} bytes per rating`,
          },
        ]}
      />
      <table className="files">
        <caption>Files</caption>
        <thead>
          <tr>
            <th>File</th>
            <th>Read as</th>
            <th>Ratings</th>
            <th>Titles</th>
            <th>Skipped lines</th>
          </tr>
        </thead>
        <tbody>
          {report.files.map((file) => (
            <tr key={file.name}>
              <td>{file.name}</td>
              <td>
                {file.format}
                {file.note && <span className="note"> — {file.note}</span>}
              </td>
              <td className="num">{formatCount(file.ratings)}</td>
              <td className="num">{formatCount(file.titles)}</td>
              <td className="num">{formatCount(file.skippedLines)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.badLines.length > 0 && (
        <details className="bad-lines" open>
          <summary>
            {formatCount(report.skippedLines)} skipped line{report.skippedLines === 1 ? '' : 's'}
            {report.skippedLines > report.badLines.length
              ? `; the first ${report.badLines.length}:`
              : ':'}
          </summary>
          <ol>
            {report.badLines.map((bad) => (
              <li key={`${bad.file}:${bad.line}`}>
                <code>
                  {bad.file}:{bad.line}
                </code>{' '}
                {bad.reason} — <q>{bad.text}</q>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
