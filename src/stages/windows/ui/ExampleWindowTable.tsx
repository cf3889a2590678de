import type { ExampleWindow } from '../contract';
import { clusterNumber } from '../../../lib/cluster-number';

/** One window step by step: what the model sees at each step, and the hidden label at the last. */
export function ExampleWindowTable({ example }: { example: ExampleWindow }) {
  return (
    <table className="example-window">
      <caption>
        Example {example.role} window (user {example.user}): the model predicts the last rating,
        which it does not see.
      </caption>
      <thead>
        <tr>
          <th>Step</th>
          <th>Date</th>
          <th>Movie</th>
          <th>Cluster</th>
          <th>Rating shown</th>
        </tr>
      </thead>
      <tbody>
        {example.rows.map((row) => (
          <tr key={row.step} className={row.shownRating === null ? 'label-step' : undefined}>
            <td className="num">{row.step}</td>
            <td>{row.date}</td>
            <td>{row.title ?? `movie ${row.movie}`}</td>
            <td className="num">{clusterNumber(row.cluster) || '–'}</td>
            <td className="num">
              {row.shownRating === null ? `hidden (label ${row.rating})` : row.shownRating}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
