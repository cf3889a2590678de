import { useCellResult } from '../../../app/state/cell-results';
import { Cell } from '../../../app/components/Cell';
import { runCell } from '../../../app/state/runner';
import { CostLine } from '../../../app/model-runs/CostLine';
import { useStore } from '../../../ui-kit/store';
import { BackendPanel } from './BackendPanel';
import { lstmEstimate, lstmOptionsStore, lstmRun } from './lstm-run';
import { ParamForm } from '../../../ui-kit/ParamFields';
import { LSTM_PARAMS } from '../compute/model-params';
import { ModelRunView } from '../../../app/model-runs/ModelRunView';

export function LstmCell() {
  const { options } = useStore(lstmOptionsStore, (state) => state);
  const running = useStore(lstmRun.store, (state) => state.running);
  const sequences = useCellResult('sequences');
  const busy = running !== null;
  return (
    <Cell
      id="lstm"
      intro={
        <>
          The report’s first model: the windows’ cluster one-hots and ratings → a normalization
          layer (statistics of the training split) → LSTM ({options.units} units; the report’s had
          228) → Dense ({options.activation}) → the rating; Adam, early stopping on the validation
          loss with the best epoch’s weights kept. It trains in its own worker on the fastest
          backend that passes a check.
        </>
      }
      onRun={sequences && !busy ? () => void runCell('lstm') : undefined}
      runLabel="Train"
    >
      <ParamForm
        table={LSTM_PARAMS}
        values={options}
        onChange={(next) => lstmOptionsStore.set({ options: next })}
        disabled={busy}
      />
      {!busy && <CostLine estimate={lstmEstimate()} />}
      <BackendPanel disabled={busy} />
      <ModelRunView run={lstmRun} name="LSTM" modelKey="lstm" />
    </Cell>
  );
}
