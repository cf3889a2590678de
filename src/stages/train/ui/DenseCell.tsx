import { useCellResult } from '../../../app/state/cell-results';
import { Cell } from '../../../app/components/Cell';
import { useStore } from '../../../ui-kit/store';
import { BackendPanel } from './BackendPanel';
import { denseOptionsStore, denseRun, type DenseCellOptions } from './dense-run';
import { NumberInput } from '../../../ui-kit/OptionFields';
import { FitFields } from './FitFields';
import { ModelRunView } from '../../../app/model-runs/ModelRunView';

export function DenseCell() {
  const { options } = useStore(denseOptionsStore, (state) => state);
  const running = useStore(denseRun.store, (state) => state.running);
  const sequences = useCellResult('sequences');
  const busy = running !== null;
  const set = (patch: Partial<DenseCellOptions>) =>
    denseOptionsStore.set({ options: { ...options, ...patch } });
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
      onRun={sequences && !busy ? () => void denseRun.run() : undefined}
      runLabel="Train"
    >
      <form className="params" onSubmit={(e) => e.preventDefault()}>
        <NumberInput
          label="Embedding size"
          value={options.embeddingSize}
          min={1}
          max={512}
          disabled={busy}
          onValue={(embeddingSize) => set({ embeddingSize })}
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
        <FitFields options={options} disabled={busy} onChange={set} />
      </form>
      <BackendPanel disabled={busy} />
      <ModelRunView run={denseRun} name="Dense" modelKey="dense" />
    </Cell>
  );
}
