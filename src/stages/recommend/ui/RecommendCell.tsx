import { useCellResult } from '../../../app/state/cell-results';
import { useState } from 'react';
import { Cell } from '../../../app/components/Cell';
import { useStore } from '../../../ui-kit/store';
import { topIndices } from '../compute/candidate-windows';
import type { RecommendInputs } from '../contract';
import { HistoryTimeline } from './HistoryTimeline';
import { recommendForId, recommendForRandomUser } from './recommend-actions';
import { recommendStore, type ModelRanking } from './recommend-store';
import { clusterNumber } from '../../../lib/cluster-number';

const TOP_N = 10;

function RankingTable({ ranking, inputs }: { ranking: ModelRanking; inputs: RecommendInputs }) {
  if (ranking.scores.length === 0)
    return (
      <p className="note">
        {ranking.name}: {ranking.note}
      </p>
    );
  return (
    <table className="results" data-ranking={ranking.id}>
      <caption>
        {ranking.name}: top {TOP_N} movies this user has not rated
      </caption>
      <thead>
        <tr>
          <th>#</th>
          <th>Title</th>
          <th>Year</th>
          <th>Cluster</th>
          <th>Predicted</th>
          <th>Training ratings</th>
        </tr>
      </thead>
      <tbody>
        {topIndices(ranking.scores, TOP_N).map((k, rank) => (
          <tr key={k}>
            <td className="num">{rank + 1}</td>
            <td>{inputs.titles[k]}</td>
            <td className="num">{inputs.years[k] ?? '–'}</td>
            <td className="num">{clusterNumber(inputs.clusters[k]) || '–'}</td>
            <td className="num">{ranking.scores[k].toFixed(2)}</td>
            <td className="num">{inputs.trainingRatings[k]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RecommendCell() {
  const { inputs, rankings, loading, message } = useStore(recommendStore, (state) => state);
  const sequences = useCellResult('sequences');
  const [query, setQuery] = useState('');
  return (
    <Cell
      id="recommend"
      intro={
        <>
          Pick a user: their history, then each trained model’s top movies among those they have not
          rated. The cluster-LSTM sees a movie only through its cluster, so it can score a movie it
          never saw in training — a new release that has a cluster; the embedding model has no
          trained vector for such a movie and cannot (the report’s cold-start point). The same
          blindness makes it score every movie of a cluster alike for a given history, so its list
          is the user’s best cluster, ties listed most-rated first.
        </>
      }
      onRun={sequences && !loading ? () => void recommendForRandomUser() : undefined}
      runLabel="Random user"
    >
      <form
        className="params"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) void recommendForId(query);
        }}
      >
        <label>
          User id
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="e.g. a customer id"
            disabled={!sequences}
          />
        </label>
        <button type="submit" disabled={!sequences || loading || !query.trim()}>
          Find
        </button>
        <button
          type="button"
          disabled={!sequences || loading}
          onClick={() => void recommendForRandomUser()}
        >
          Random user
        </button>
      </form>
      {message && <p className="error">{message}</p>}
      {inputs && (
        <>
          <HistoryTimeline history={inputs.history} userId={inputs.userId} />
          {rankings.length === 0 && (
            <p className="note">
              Train a model (LSTM, Dense or the baselines) to get recommendations.
            </p>
          )}
          <div className="rankings">
            {rankings.map((ranking) => (
              <RankingTable key={ranking.id} ranking={ranking} inputs={inputs} />
            ))}
          </div>
        </>
      )}
    </Cell>
  );
}
