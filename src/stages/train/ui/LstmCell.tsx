import { useCellResult } from '../../../app/state/cell-results';
import { Cell } from '../../../app/components/Cell';
import { useStore } from '../../../ui-kit/store';
import { DENSE_ACTIVATIONS } from '../compute/model/build-lstm-model';
import { BackendPanel } from './BackendPanel';
import { lstmOptionsStore, lstmRun, type LstmCellOptions } from './lstm-run';
import { ChoiceInput, NumberInput } from '../../../ui-kit/OptionFields';
import { FitFields } from './FitFields';
import { ModelRunView } from '../../../app/model-runs/ModelRunView';

const ACTIVATION_NAMES = { sigmoid: 'sigmoid scaled to the ratings' };

export function LstmCell() {
  const { options } = useStore(lstmOptionsStore, (state) => state);
  const running = useStore(lstmRun.store, (state) => state.running);
  const sequences = useCellResult('sequences');
  const busy = running !== null;
  const set = (patch: Partial<LstmCellOptions>) =>
    lstmOptionsStore.set({ options: { ...options, ...patch } });
  return (
    <Cell
      id="lstm"
      intro={
        <>
          The report’s first model: the windows’ cluster one-hots and ratings → a normalization
          layer (statistics of the training split) → LSTM (228 units) → Dense (swish) → the rating;
          Adam, early stopping on the validation loss with the best epoch’s weights kept. It trains
          in its own worker on the fastest backend that passes a check.
        </>
      }
      onRun={sequences && !busy ? () => void lstmRun.run() : undefined}
      runLabel="Train"
    >
      <form className="params" onSubmit={(e) => e.preventDefault()}>
        <NumberInput
          label="LSTM units"
          value={options.units}
          min={1}
          max={1024}
          disabled={busy}
          onValue={(units) => set({ units })}
        />
        <NumberInput
          label="LSTM layers"
          value={options.layers}
          min={1}
          max={4}
          disabled={busy}
          onValue={(layers) => set({ layers })}
        />
        <NumberInput
          label="Dropout"
          value={options.dropout}
          min={0}
          max={0.9}
          step={0.05}
          disabled={busy}
          onValue={(dropout) => set({ dropout })}
        />
        <ChoiceInput
          label="Dense activation"
          value={options.activation}
          choices={DENSE_ACTIVATIONS}
          names={ACTIVATION_NAMES}
          disabled={busy}
          onValue={(activation) => set({ activation })}
        />
        <FitFields options={options} disabled={busy} onChange={set} />
      </form>
      <BackendPanel disabled={busy} />
      <ModelRunView run={lstmRun} name="LSTM" modelKey="lstm" />
    </Cell>
  );
}
