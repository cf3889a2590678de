import { roughDuration } from '../../stages/train/compute/training-cost';
import type { CellEstimate } from '../state/cell-definition';

/** What a training run will roughly cost, said before it starts (and why it cannot run, if it cannot). */
export function CostLine({ estimate }: { estimate: CellEstimate | null }) {
  if (!estimate) return null;
  if (estimate.refusal)
    return (
      <p className="note error-text" role="alert" data-testid="cost-refusal">
        {estimate.refusal}
      </p>
    );
  return (
    <p className="note" data-testid="cost-estimate">
      Rough cost with these options: {roughDuration(estimate.seconds)} on a 2-core laptop CPU
      (WASM), every epoch run; early stopping usually ends sooner, and a GPU backend may be faster.
    </p>
  );
}
