import { UsageError, type ParsedArgs } from '../args';
import { NETWORK_USAGE, trainNetworkCommand } from './train-networks';
import { RATING_MODEL_USAGE, trainRatingModelCommand } from './train-rating-models';

/** The models `train` knows, by name; the sequence and dense models join this table. */
const TRAINERS: Record<string, (args: ParsedArgs) => Promise<unknown>> = {
  mean: (args) => trainRatingModelCommand('mean', args),
  bias: (args) => trainRatingModelCommand('bias', args),
  mf: (args) => trainRatingModelCommand('mf', args),
  lstm: (args) => trainNetworkCommand('lstm', args),
  dense: (args) => trainNetworkCommand('dense', args),
};

export const TRAIN_USAGE = `train ${RATING_MODEL_USAGE}\n  train ${NETWORK_USAGE}`;

/** `train MODEL FILE... [--options]`. */
export async function trainCommand(args: ParsedArgs): Promise<unknown> {
  const [model, ...files] = args.positional;
  const trainer = model ? TRAINERS[model] : undefined;
  if (!trainer)
    throw new UsageError(
      `${model ? `unknown model “${model}”; ` : ''}name one of ${Object.keys(TRAINERS).join(', ')}`,
    );
  return trainer({ ...args, positional: files });
}
