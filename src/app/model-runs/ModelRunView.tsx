import { useStore } from '../../ui-kit/store';
import type { ModelRun } from './model-run';
import { TrainingProgress } from './TrainingProgress';
import { TrainingResult } from './TrainingResult';

/** A model run's live progress while it trains, and its result once it has finished. */
export function ModelRunView({
  run,
  name,
  modelKey,
}: {
  run: ModelRun;
  name: string;
  modelKey: string;
}) {
  const { running, finished } = useStore(run.store, (state) => state);
  if (running)
    return (
      <TrainingProgress running={running} name={name} onStop={run.stop} onCancel={run.cancel} />
    );
  return finished ? <TrainingResult finished={finished} name={name} modelKey={modelKey} /> : null;
}
