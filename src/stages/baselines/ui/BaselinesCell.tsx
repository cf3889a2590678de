import { useCellResult } from '../../../app/state/cell-results';
import { useMemo } from 'react';
import { Cell } from '../../../app/components/Cell';
import { Plot } from '../../../ui-kit/Plot';
import { formatCount, formatDuration } from '../../../ui-kit/format';
import { useStore } from '../../../ui-kit/store';
import { NumberInput } from '../../../ui-kit/OptionFields';
import { RATING_MODEL_NAMES, type MfOptions, type RatingModelKind } from '../contract';
import { cancelBaselines, runBaselines } from './baselines-actions';
import { ALL_RATING_MODELS, baselinesStore } from './baselines-store';

function SgdCurves() {
  const curves = useStore(baselinesStore, (state) => state.curves);
  const data = useMemo(
    () =>
      (
        Object.entries(curves) as [
          RatingModelKind,
          { train: number[]; validation: (number | null)[] },
        ][]
      ).flatMap(([model, curve]) => [
        {
          type: 'scatter',
          mode: 'lines+markers',
          name: `${RATING_MODEL_NAMES[model]} (training)`,
          y: curve.train,
          x: curve.train.map((_, i) => i + 1),
        },
        {
          type: 'scatter',
          mode: 'lines+markers',
          name: `${RATING_MODEL_NAMES[model]} (validation)`,
          y: curve.validation,
          x: curve.validation.map((_, i) => i + 1),
          line: { dash: 'dot' },
        },
      ]),
    [curves],
  );
  const layout = useMemo(
    () => ({
      xaxis: { title: { text: 'SGD epoch' }, dtick: 5 },
      yaxis: { title: { text: 'RMSE' } },
    }),
    [],
  );
  if (data.length === 0) return null;
  return (
    <Plot title="Matrix factorization: RMSE per epoch" data={data} layout={layout} height={260} />
  );
}

export function BaselinesCell() {
  const { models, settings, running, reports } = useStore(baselinesStore, (state) => state);
  const sequences = useCellResult('sequences');
  const busy = running !== null;
  const toggle = (model: RatingModelKind, on: boolean) =>
    baselinesStore.set({
      models: ALL_RATING_MODELS.filter((m) => (m === model ? on : models.includes(m))),
    });
  const setMf = (patch: Partial<MfOptions>) =>
    baselinesStore.set({ settings: { ...settings, mf: { ...settings.mf, ...patch } } });
  return (
    <Cell
      id="baselines"
      intro={
        <>
          The matrix-factorization methods that won the Netflix Prize, which the report cited but
          did not run, trained here on exactly the same split: the training ratings in, the test
          windows’ labels scored. Global mean; the baseline predictor μ + bᵤ + bᵢ and its time-aware
          variant (movie biases per time bin, user drift); biased MF (“SVD”) and SVD++ by stochastic
          gradient descent.
        </>
      }
      onRun={sequences && !busy ? () => void runBaselines() : undefined}
      runLabel="Train"
    >
      <form className="params" onSubmit={(e) => e.preventDefault()}>
        {ALL_RATING_MODELS.map((model) => (
          <label key={model} className="checkbox">
            <input
              type="checkbox"
              checked={models.includes(model)}
              disabled={busy}
              onChange={(e) => toggle(model, e.target.checked)}
            />
            {RATING_MODEL_NAMES[model]}
          </label>
        ))}
        <NumberInput
          label="MF factors"
          value={settings.mf.factors}
          min={1}
          max={500}
          disabled={busy}
          onValue={(factors) => setMf({ factors })}
        />
        <NumberInput
          label="MF learning rate"
          value={settings.mf.learningRate}
          min={0.0001}
          max={0.5}
          step={0.001}
          disabled={busy}
          onValue={(learningRate) => setMf({ learningRate })}
        />
        <NumberInput
          label="MF regularisation (factors)"
          value={settings.mf.regFactor}
          min={0}
          max={1}
          step={0.005}
          disabled={busy}
          onValue={(regFactor) => setMf({ regFactor })}
        />
        <NumberInput
          label="MF epochs at most"
          value={settings.mf.epochs}
          min={1}
          max={500}
          disabled={busy}
          onValue={(epochs) => setMf({ epochs })}
        />
      </form>
      {busy && (
        <p>
          <button type="button" onClick={cancelBaselines}>
            Stop
          </button>{' '}
          <span className="note">
            stops between epochs; a stopped SGD model keeps its best epoch.
          </span>
        </p>
      )}
      <SgdCurves />
      {reports.length > 0 && (
        <table className="results">
          <caption>Rating models on the test windows’ labels</caption>
          <thead>
            <tr>
              <th>Model</th>
              <th>Test RMSE</th>
              <th>Test MAE</th>
              <th>Validation RMSE</th>
              <th>Parameters</th>
              <th>Epochs</th>
              <th>Training time</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <tr key={report.model} data-model={report.model}>
                <td>{RATING_MODEL_NAMES[report.model]}</td>
                <td className="num">{report.testRmse.toFixed(4)}</td>
                <td className="num">{report.testMae.toFixed(4)}</td>
                <td className="num">{report.valRmse?.toFixed(4) ?? '–'}</td>
                <td className="num">{formatCount(report.params)}</td>
                <td className="num">
                  {report.bestEpoch ? `${report.epochs} (best ${report.bestEpoch})` : report.epochs}
                </td>
                <td className="num">{formatDuration(report.trainMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Cell>
  );
}
