import { Cell } from '../../../app/components/Cell';
import { useStore } from '../../../app/state/store';
import { sequencesStore } from '../../windows/ui/sequences-store';
import { BackendPanel } from './BackendPanel';
import { denseOptionsStore, denseRun, type DenseCellOptions } from './dense-run';
import { NumberInput } from './OptionFields';
import { TrainingProgress } from './TrainingProgress';
import { TrainingResult } from './TrainingResult';

export function DenseCell() {
  const { options } = useStore(denseOptionsStore, (state) => state);
  const { running, finished } = useStore(denseRun.store, (state) => state);
  const sequences = useStore(sequencesStore, (state) => state.result);
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
        <NumberInput
          label="Learning rate"
          value={options.learningRate}
          min={1e-5}
          max={1}
          step={0.0001}
          disabled={busy}
          onValue={(learningRate) => set({ learningRate })}
        />
        <NumberInput
          label="Batch size"
          value={options.batchSize}
          min={1}
          max={8192}
          disabled={busy}
          onValue={(batchSize) => set({ batchSize })}
        />
        <NumberInput
          label="Epochs at most"
          value={options.epochs}
          min={1}
          max={1000}
          disabled={busy}
          onValue={(epochs) => set({ epochs })}
        />
        <NumberInput
          label="Patience"
          value={options.patience}
          min={1}
          max={100}
          disabled={busy}
          onValue={(patience) => set({ patience })}
        />
      </form>
      <BackendPanel disabled={busy} />
      {running && (
        <TrainingProgress
          running={running}
          name="Dense"
          onStop={denseRun.stop}
          onCancel={denseRun.cancel}
        />
      )}
      {!running && finished && <TrainingResult finished={finished} name="Dense" modelKey="dense" />}
    </Cell>
  );
}
