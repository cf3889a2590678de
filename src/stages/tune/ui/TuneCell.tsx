import { useCellResult } from '../../../app/state/cell-results';
import { useMemo } from 'react';
import { Cell } from '../../../app/components/Cell';
import { Plot } from '../../../ui-kit/Plot';
import { formatDuration } from '../../../ui-kit/format';
import { useStore } from '../../../ui-kit/store';
import { NumberInput } from '../../../ui-kit/OptionFields';
import { ModelRunView } from '../../../app/model-runs/ModelRunView';
import { hyperbandSchedule } from '../compute/hyperband-schedule';
import { bestTrial } from '../compute/hyperband-state';
import { FINAL_ACTIVATIONS, type FinalActivation, type SearchSpace } from '../compute/search-space';
import { searchPrintout } from '../compute/trial-summary';
import type { HyperbandOptions } from '../contract';
import { startTuning, stopTuning, tunedLstmRun } from './tune-actions';
import { runCell } from '../../../app/state/runner';
import { ScheduleEstimate } from './ScheduleEstimate';
import { tuneStore } from './tune-store';

function ScheduleTable({ options }: { options: HyperbandOptions }) {
  const schedule = useMemo(() => hyperbandSchedule(options), [options]);
  return (
    <table className="results" data-testid="tune-schedule">
      <caption>
        Schedule: {schedule.trials} trials, {schedule.trainedEpochs} epochs trained in all
      </caption>
      <thead>
        <tr>
          <th>Iteration</th>
          <th>Bracket</th>
          <th>Round</th>
          <th>Trials</th>
          <th>Epochs</th>
        </tr>
      </thead>
      <tbody>
        {schedule.rounds.map((r) => (
          <tr key={`${r.iteration}-${r.bracket}-${r.round}`}>
            <td className="num">{r.iteration}</td>
            <td className="num">{r.bracket}</td>
            <td className="num">{r.round}</td>
            <td className="num">{r.trials}</td>
            <td className="num">
              {r.initialEpoch > 0 ? `${r.initialEpoch} → ` : ''}
              {r.epochs}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SearchSpaceForm({ space, disabled }: { space: SearchSpace; disabled: boolean }) {
  const set = (patch: Partial<SearchSpace>) => tuneStore.set({ space: { ...space, ...patch } });
  const toggle = (activation: FinalActivation, on: boolean) =>
    set({
      activations: FINAL_ACTIVATIONS.filter((a) =>
        a === activation ? on : space.activations.includes(a),
      ),
    });
  return (
    <fieldset className="params" disabled={disabled}>
      <legend>Search space</legend>
      <NumberInput
        label="Layers from"
        value={space.layers.min}
        min={1}
        max={8}
        onValue={(min) => set({ layers: { ...space.layers, min } })}
      />
      <NumberInput
        label="to"
        value={space.layers.max}
        min={1}
        max={8}
        onValue={(max) => set({ layers: { ...space.layers, max } })}
      />
      <NumberInput
        label="Units from"
        value={space.units.min}
        min={1}
        max={2048}
        onValue={(min) => set({ units: { ...space.units, min } })}
      />
      <NumberInput
        label="to"
        value={space.units.max}
        min={1}
        max={2048}
        onValue={(max) => set({ units: { ...space.units, max } })}
      />
      <NumberInput
        label="Dropout from"
        value={space.dropout.min}
        min={0}
        max={0.95}
        step={0.05}
        onValue={(min) => set({ dropout: { ...space.dropout, min } })}
      />
      <NumberInput
        label="to"
        value={space.dropout.max}
        min={0}
        max={0.95}
        step={0.05}
        onValue={(max) => set({ dropout: { ...space.dropout, max } })}
      />
      <NumberInput
        label="Learning rate from"
        value={space.learningRate.min}
        min={1e-7}
        max={1}
        step={0.0001}
        onValue={(min) => set({ learningRate: { ...space.learningRate, min } })}
      />
      <NumberInput
        label="to"
        value={space.learningRate.max}
        min={1e-7}
        max={1}
        step={0.001}
        onValue={(max) => set({ learningRate: { ...space.learningRate, max } })}
      />
      {FINAL_ACTIVATIONS.map((activation) => (
        <label key={activation} className="checkbox">
          <input
            type="checkbox"
            checked={space.activations.includes(activation)}
            onChange={(e) => toggle(activation, e.target.checked)}
          />
          {activation}
        </label>
      ))}
    </fieldset>
  );
}

function TrialChart() {
  const curves = useStore(tuneStore, (state) => state.curves);
  const data = useMemo(
    () =>
      Object.entries(curves).map(([trialId, curve]) => ({
        type: 'scatter',
        mode: 'lines+markers',
        name: `trial ${Number(trialId)}`,
        x: curve.epochs,
        y: curve.valLoss,
        marker: { size: 4 },
      })),
    [curves],
  );
  const layout = useMemo(
    () => ({
      xaxis: { title: { text: 'epoch' } },
      yaxis: { title: { text: 'validation loss (MSE)' } },
      showlegend: false,
    }),
    [],
  );
  if (data.length === 0) return null;
  return <Plot title="Validation loss per trial" data={data} layout={layout} height={260} />;
}

export function TuneCell() {
  const { hyperband, space, state, running, current, fit } = useStore(tuneStore, (s) => s);
  const sequences = useCellResult('sequences');
  const tuned = useStore(tunedLstmRun.store, (s) => s);
  const busy = running !== null || tuned.running !== null;
  const schedule = useMemo(() => hyperbandSchedule(hyperband), [hyperband]);
  const best = state ? bestTrial(state) : null;
  const setHyperband = (patch: Partial<HyperbandOptions>) =>
    tuneStore.set({ hyperband: { ...hyperband, ...patch } });
  return (
    <Cell
      id="tune"
      intro={
        <>
          Hyperband, as keras-tuner implements it, over the LSTM’s layers, units, dropout, final
          activation and learning rate: many configurations for a few epochs, the best promoted to
          train on from their weights. The report ran 615 trials and found 4 layers of 319 units
          with gelu.
        </>
      }
      onRun={sequences && !busy ? () => void runCell('tune') : undefined}
      runLabel={state && !state.end ? 'Resume' : 'Tune'}
    >
      <form className="params" onSubmit={(e) => e.preventDefault()}>
        <NumberInput
          label="Max epochs"
          value={hyperband.maxEpochs}
          min={1}
          max={1000}
          disabled={busy}
          onValue={(maxEpochs) => setHyperband({ maxEpochs })}
        />
        <NumberInput
          label="Factor"
          value={hyperband.factor}
          min={2}
          max={10}
          disabled={busy}
          onValue={(factor) => setHyperband({ factor })}
        />
        <NumberInput
          label="Iterations"
          value={hyperband.iterations}
          min={1}
          max={10}
          disabled={busy}
          onValue={(iterations) => setHyperband({ iterations })}
        />
        <NumberInput
          label="Batch size"
          value={fit.batchSize}
          min={1}
          max={8192}
          disabled={busy}
          onValue={(batchSize) => tuneStore.set({ fit: { ...fit, batchSize } })}
        />
        <NumberInput
          label="Patience in a trial"
          value={fit.patience}
          min={1}
          max={100}
          disabled={busy}
          onValue={(patience) => tuneStore.set({ fit: { ...fit, patience } })}
        />
      </form>
      <SearchSpaceForm space={space} disabled={busy} />
      <ScheduleTable options={hyperband} />
      <ScheduleEstimate schedule={schedule} busy={busy} />
      <p>
        <button
          type="button"
          className="primary"
          disabled={!sequences || busy}
          onClick={() => void startTuning()}
        >
          New search
        </button>{' '}
        {running && (
          <button type="button" onClick={stopTuning}>
            Stop
          </button>
        )}
      </p>
      <TrialChart />
      {state && state.trials.length > 0 && (
        <table className="results" data-testid="trial-table">
          <caption>Trials</caption>
          <thead>
            <tr>
              <th>Trial</th>
              <th>Bracket</th>
              <th>Round</th>
              <th>Layers</th>
              <th>Units</th>
              <th>Dropout</th>
              <th>Activation</th>
              <th>Learning rate</th>
              <th>Epochs</th>
              <th>Val loss</th>
              <th>Time</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {[...state.trials].reverse().map((trial) => (
              <tr
                key={trial.trialId}
                className={trial.trialId === best?.trialId ? 'best-row' : undefined}
              >
                <td className="num">{trial.number}</td>
                <td className="num">{trial.bracket}</td>
                <td className="num">{trial.round}</td>
                <td className="num">{trial.config.layers}</td>
                <td className="num">{trial.config.units}</td>
                <td className="num">{trial.config.dropout.toFixed(3)}</td>
                <td>{trial.config.activation}</td>
                <td className="num">{trial.config.learningRate.toPrecision(3)}</td>
                <td className="num">
                  {trial.initialEpoch} → {trial.epochs}
                </td>
                <td className="num">{trial.valLoss?.toFixed(4) ?? '–'}</td>
                <td className="num">{formatDuration(trial.ms)}</td>
                <td>{trial.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state && (state.trials.length > 0 || current) && (
        <pre className="printout" aria-label="Best so far" data-testid="best-so-far">
          {searchPrintout(state, current)}
        </pre>
      )}
      {best && (
        <p>
          <button type="button" disabled={busy} onClick={() => void tunedLstmRun.run()}>
            Train the best configuration in full (LSTM (tuned))
          </button>{' '}
          <span className="note">
            {best.config.layers} × {best.config.units} units, {best.config.activation}, dropout{' '}
            {best.config.dropout.toFixed(2)}, learning rate{' '}
            {best.config.learningRate.toPrecision(2)}
          </span>
        </p>
      )}
      <ModelRunView run={tunedLstmRun} name="LSTM (tuned)" modelKey="lstm-tuned" />
    </Cell>
  );
}
