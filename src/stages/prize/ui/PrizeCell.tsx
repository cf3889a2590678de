import { useEffect, useMemo } from 'react';
import { Cell } from '../../../app/components/Cell';
import { useCellResult } from '../../../app/state/cell-results';
import { runCell } from '../../../app/state/runner';
import { formatBytes, formatCount, formatDuration, formatPercent } from '../../../ui-kit/format';
import { ParamForm } from '../../../ui-kit/ParamFields';
import { Plot } from '../../../ui-kit/Plot';
import { ProgressBar } from '../../../ui-kit/ProgressBar';
import { useStore } from '../../../ui-kit/store';
import { DEFAULT_PRIZE_OPTIONS, PRIZE_PARAMS } from '../compute/prize-params';
import {
  PRIZE_MODEL_KINDS,
  PRIZE_MODEL_NAMES,
  PRIZE_PROTOCOL_NAMES,
  type PrizeModelKind,
} from '../contract';
import { cancelPrize, prizeFraction, refreshPrizePlan, setPrizeProbe } from './prize-actions';
import { prizeStore } from './prize-store';

const COLOURS: Record<PrizeModelKind, string> = {
  mean: '#888888',
  bias: '#5a8f3c',
  timebias: '#2f6f4f',
  mf: '#3b6ea8',
  svdpp: '#7a4fa0',
  timesvdpp: '#b40f20',
};

/** Koren's figures on the probe set (KDD 2009, Table 2, f = 50 where a model has factors), to read against. */
const KOREN_PROBE_RMSE: Partial<Record<PrizeModelKind, number>> = {
  bias: 0.9799,
  mf: 0.9046,
  svdpp: 0.8952,
  timesvdpp: 0.8824,
};

function ModelChoice() {
  const { options, running } = useStore(prizeStore, (state) => state);
  const toggle = (kind: PrizeModelKind, on: boolean) => {
    const models = PRIZE_MODEL_KINDS.filter((k) => (k === kind ? on : options.models.includes(k)));
    if (models.length > 0) prizeStore.set({ options: { ...options, models } });
  };
  return (
    <fieldset className="choices">
      <legend>Models (Koren’s configurations)</legend>
      {PRIZE_MODEL_KINDS.map((kind) => (
        <label key={kind} className="checkbox">
          <input
            type="checkbox"
            checked={options.models.includes(kind)}
            disabled={running !== null}
            onChange={(e) => toggle(kind, e.target.checked)}
          />
          {PRIZE_MODEL_NAMES[kind]}
        </label>
      ))}
    </fieldset>
  );
}

export function PrizeCell() {
  const data = useCellResult('data');
  const state = useStore(prizeStore, (s) => s);
  const { options, plan, planError, running, curves, rows, probe } = state;
  const busy = running !== null;

  // What the models will take is known before they start: ask again when the data or the options change.
  useEffect(() => {
    if (data && !busy) void refreshPrizePlan();
  }, [data, options, probe, busy]);

  const chart = useMemo(
    () =>
      (Object.keys(curves) as PrizeModelKind[]).map((kind) => ({
        type: 'scatter',
        mode: 'lines+markers',
        name: PRIZE_MODEL_NAMES[kind],
        x: (curves[kind] ?? []).map((_, i) => i + 1),
        y: curves[kind],
        line: { color: COLOURS[kind] },
      })),
    [curves],
  );
  const layout = useMemo(
    () => ({
      xaxis: { title: { text: 'epoch' } },
      yaxis: { title: { text: 'held-out RMSE' } },
      showlegend: true,
    }),
    [],
  );
  const refused = plan?.models.find((model) => model.refusal);
  const modelBytes = plan ? Math.max(0, ...plan.models.map((m) => m.bytes)) : 0;
  const last = running?.last;

  return (
    <Cell
      id="prize"
      intro={
        <>
          The methods that won the Netflix Prize, trained on <b>every</b> loaded rating (not the
          subset) and scored the Prize’s way: on the probe set when you give <code>probe.txt</code>
          (its pairs are held out of training), else on each user’s last 9 ratings by date (fewer
          for users with under 18), as the Prize built its hold-out. Their RMSE can be set beside
          Koren’s published probe figures; top-10 lists are scored on the held-out movies of
          held-out users.
        </>
      }
      onRun={data && !busy && !refused ? () => void runCell('prize') : undefined}
      runLabel="Train"
    >
      <ModelChoice />
      <ParamForm
        table={PRIZE_PARAMS}
        values={options}
        onChange={(next) => prizeStore.set({ options: next })}
        disabled={busy}
      >
        <label>
          Probe file (optional)
          <input
            type="file"
            aria-label="Choose probe.txt"
            disabled={busy}
            onChange={(e) => setPrizeProbe(e.target.files?.[0] ?? null)}
          />
        </label>
        {probe && (
          <button type="button" disabled={busy} onClick={() => setPrizeProbe(null)}>
            Use last 9 instead
          </button>
        )}
        {options !== DEFAULT_PRIZE_OPTIONS && (
          <button
            type="button"
            disabled={busy}
            onClick={() => prizeStore.set({ options: DEFAULT_PRIZE_OPTIONS })}
          >
            Koren’s defaults
          </button>
        )}
      </ParamForm>
      {planError && (
        <div className="error-box" role="alert">
          <p>{planError}</p>
        </div>
      )}
      {plan && (
        <p className="note" data-testid="prize-plan">
          Protocol: <b>{PRIZE_PROTOCOL_NAMES[plan.protocol]}</b>. {formatCount(plan.trainRatings)}{' '}
          ratings train, {formatCount(plan.heldOutRatings)} are held out
          {plan.probePairsNotFound > 0 &&
            ` (${formatCount(plan.probePairsNotFound)} probe pairs are not in the loaded ratings)`}
          {plan.skippedProbeLines > 0 &&
            `; ${formatCount(plan.skippedProbeLines)} probe lines skipped, first: ${plan.badLines[0]?.file}:${plan.badLines[0]?.line} ${plan.badLines[0]?.reason}`}
          . Memory: the split {formatBytes(plan.dataBytes)}, the largest model{' '}
          {formatBytes(modelBytes)} (allocated once).
        </p>
      )}
      {refused?.refusal && (
        <p className="note error-text" role="alert" data-testid="prize-refusal">
          {refused.refusal}
        </p>
      )}
      {running && (
        <div className="load-progress">
          <ProgressBar
            fraction={prizeFraction(state)}
            label={
              running.current
                ? `${PRIZE_MODEL_NAMES[running.current.model]} (${running.current.index + 1} of ${options.models.length})${
                    last ? `, epoch ${last.epoch} of ${last.epochs}` : ''
                  }`
                : 'splitting the ratings'
            }
          />
          {last && (
            <span className="note" data-testid="prize-speed">
              {formatCount(Math.round(last.ratingsPerSecond))} ratings/s · about{' '}
              {formatDuration((last.epochs - last.epoch) * last.seconds * 1000)} left for this model
            </span>
          )}{' '}
          <button type="button" onClick={cancelPrize}>
            Cancel
          </button>
        </div>
      )}
      {chart.length > 0 && (
        <Plot title="Held-out RMSE per epoch" data={chart} layout={layout} height={280} />
      )}
      {rows.length > 0 && plan && (
        <table className="results" data-testid="prize-results">
          <caption>
            {PRIZE_PROTOCOL_NAMES[plan.protocol]}: {formatCount(plan.heldOutRatings)} held-out
            ratings
          </caption>
          <thead>
            <tr>
              <th>Model</th>
              <th>RMSE</th>
              <th>Koren 2009 (probe, f = 50)</th>
              <th>Recall@10</th>
              <th>NDCG@10</th>
              <th>Coverage@10</th>
              <th>Parameters</th>
              <th>Time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.model} data-model={row.model}>
                <td>{PRIZE_MODEL_NAMES[row.model]}</td>
                <td className="num">{row.heldOutRmse.toFixed(4)}</td>
                <td className="num">{KOREN_PROBE_RMSE[row.model]?.toFixed(4) ?? '—'}</td>
                <td className="num">{row.ranking ? row.ranking.recall.toFixed(4) : '—'}</td>
                <td className="num">{row.ranking ? row.ranking.ndcg.toFixed(4) : '—'}</td>
                <td className="num">{row.ranking ? formatPercent(row.ranking.coverage) : '—'}</td>
                <td className="num">{formatCount(row.params)}</td>
                <td className="num">{formatDuration(row.seconds * 1000)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Cell>
  );
}
