import { useCellResult } from '../../../app/state/cell-results';
import { Cell } from '../../../app/components/Cell';
import { runCell } from '../../../app/state/runner';
import { CostLine } from '../../../app/model-runs/CostLine';
import { useStore } from '../../../ui-kit/store';
import { BackendPanel } from './BackendPanel';
import { denseEstimate, denseOptionsStore, denseRun } from './dense-run';
import { ParamForm } from '../../../ui-kit/ParamFields';
import { DENSE_PARAMS } from '../compute/model-params';
import { ModelRunView } from '../../../app/model-runs/ModelRunView';

export function DenseCell() {
  const { options } = useStore(denseOptionsStore, (state) => state);
  const running = useStore(denseRun.store, (state) => state.running);
  const sequences = useCellResult('sequences');
  const busy = running !== null;
  return (
    <Cell
      id="dense"
      intro={
        <>
          The report’s best model: an embedding of every user and every movie, concatenated → Dense
          256 relu → Dropout → Dense 128 relu → Dropout → Dense 64 relu → the rating; Adam, early
          stopping. It learns from every training rating and is scored on the same test ratings as
          the LSTM. A movie it has no trained embedding for, it cannot score.
        </>
      }
      onRun={sequences && !busy ? () => void runCell('dense') : undefined}
      runLabel="Train"
    >
      <ParamForm
        table={DENSE_PARAMS}
        values={options}
        onChange={(next) => denseOptionsStore.set({ options: next })}
        disabled={busy}
      />
      {!busy && <CostLine estimate={denseEstimate()} />}
      <BackendPanel disabled={busy} />
      <ModelRunView run={denseRun} name="Dense" modelKey="dense" />
    </Cell>
  );
}
