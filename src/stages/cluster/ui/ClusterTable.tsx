import { formatCount } from '../../../ui-kit/format';
import type { ChosenClustering } from '../contract';
import { clusterNumber } from '../../../lib/cluster-number';

/** What each cluster holds: its size, mean rating and most-rated titles (plain text, never HTML). */
export function ClusterTable({ chosen }: { chosen: ChosenClustering }) {
  return (
    <table aria-label="Clusters">
      <caption>
        {chosen.ref.k} clusters of movies, largest first: read the titles to name each “genre”
      </caption>
      <thead>
        <tr>
          <th>Cluster</th>
          <th>Movies</th>
          <th>Ratings</th>
          <th>Mean rating</th>
          <th>Most-rated titles</th>
        </tr>
      </thead>
      <tbody>
        {chosen.table.map((row) => (
          <tr key={row.cluster} data-cluster={row.cluster}>
            <td className="num">{clusterNumber(row.cluster)}</td>
            <td className="num">{formatCount(row.size)}</td>
            <td className="num">{formatCount(row.ratings)}</td>
            <td className="num">
              {Number.isFinite(row.meanRating) ? row.meanRating.toFixed(2) : '–'}
            </td>
            <td>{row.topTitles.join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
