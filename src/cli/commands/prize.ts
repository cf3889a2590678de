import { createWriteStream } from 'node:fs';
import { BadLineLog, describeBadLine } from '../../stages/ingest/compute/bad-lines';
import { idCount } from '../../stages/ingest/compute/id-index';
import type { RatingsData } from '../../stages/ingest/compute/ratings-table';
import { PRIZE_MODEL_KINDS, type PrizeModelKind } from '../../stages/prize/contract';
import type { PairList } from '../../stages/prize/compute/pair-list-parser';
import { korenPreset } from '../../stages/prize/compute/prize-presets';
import { PrizeModelTooLargeError } from '../../stages/prize/compute/prize-errors';
import { predictPairs } from '../../stages/prize/compute/model-scorer';
import { readPairList } from '../../stages/prize/compute/read-pair-list';
import {
  preparePrizeProtocol,
  runPrizeModels,
  type PrizeModelRow,
} from '../../stages/prize/compute/run-prize';
import { submissionText } from '../../stages/prize/compute/submission';
import { integerOption, UsageError, type ParsedArgs } from '../args';
import { loadRatingsFromPaths } from '../load-paths';
import { fileSource } from '../node-sources';
import { checkFlags, switchOn, withSwitches } from '../split-args';

export const PRIZE_USAGE =
  'prize FILE... [--probe probe.txt] [--models mean,bias,timebias,mf,svdpp,timesvdpp] [--factors 50] ' +
  '[--epochs E] [--seed S] [--rank-users 10000] [--qualifying qualifying.txt --predictions out.txt] [--verbose]';

const FLAGS = [
  'probe',
  'models',
  'factors',
  'epochs',
  'seed',
  'rank-users',
  'qualifying',
  'predictions',
  'verbose',
];

function modelsOption(args: ParsedArgs): PrizeModelKind[] {
  const raw = args.options.get('models') ?? PRIZE_MODEL_KINDS.join(',');
  const names = raw.split(',').map((s) => s.trim());
  for (const name of names)
    if (!(PRIZE_MODEL_KINDS as readonly string[]).includes(name))
      throw new UsageError(
        `--models: unknown model “${name}”; name some of ${PRIZE_MODEL_KINDS.join(', ')}`,
      );
  return names as PrizeModelKind[];
}

async function readPairs(
  path: string,
  kind: 'probe' | 'qualifying',
  data: RatingsData,
): Promise<PairList> {
  const log = new BadLineLog((bad) => process.stderr.write(`skipped ${describeBadLine(bad)}\n`));
  return readPairList({ source: fileSource(path), kind, data, badLines: log });
}

/**
 * `prize FILE...`: the Prize models on every rating of the files under the Prize's protocol (the probe when
 * `--probe` is given, else each user's last 9 ratings), one JSON object with a row per model. With
 * `--qualifying` and `--predictions`, the model with the lowest held-out RMSE writes a submission file.
 */
export async function prizeCommand(parsed: ParsedArgs): Promise<unknown> {
  const args = withSwitches(parsed, ['verbose']);
  checkFlags(args, FLAGS);
  const kinds = modelsOption(args);
  const factors = integerOption(args, 'factors', 50);
  const seed = integerOption(args, 'seed', 7, 0);
  const epochsFlag = args.options.has('epochs') ? integerOption(args, 'epochs', 30) : null;
  const rankUsers = integerOption(args, 'rank-users', 10_000, 0);
  const qualifyingPath = args.options.get('qualifying');
  const predictionsPath = args.options.get('predictions');
  if ((qualifyingPath === undefined) !== (predictionsPath === undefined))
    throw new UsageError('--qualifying and --predictions go together');
  const verbose = switchOn(args, 'verbose');

  const { data: loaded } = await loadRatingsFromPaths(args.positional);
  const probePath = args.options.get('probe');
  const probe = probePath ? await readPairs(probePath, 'probe', loaded) : null;
  const qualifying = qualifyingPath ? await readPairs(qualifyingPath, 'qualifying', loaded) : null;
  const prepared = preparePrizeProtocol({
    table: loaded.table,
    users: idCount(loaded.userIds),
    movies: idCount(loaded.movieIds),
    probe,
  });
  if (prepared.probePairsNotFound > 0)
    process.stderr.write(
      `${prepared.probePairsNotFound} probe pairs have no rating in the training files\n`,
    );

  let best: { rmse: number; predictions: Float32Array } | null = null;
  let rows: PrizeModelRow[];
  try {
    rows = await runPrizeModels({
      prepared,
      models: kinds.map((kind) => ({
        ...korenPreset(kind, factors),
        seed,
        ...(epochsFlag ? { epochs: epochsFlag } : {}),
      })),
      rankUsers,
      rankSeed: seed,
      onEpoch: verbose
        ? (p) =>
            process.stderr.write(
              `${p.model} epoch ${p.epoch}/${p.epochs}: train RMSE ${p.trainRmse.toFixed(4)}, held-out RMSE ${p.heldOutRmse.toFixed(4)}, ${Math.round(p.ratingsPerSecond).toLocaleString('en-US')} ratings/s, ${p.seconds.toFixed(2)} s\n`,
            )
        : undefined,
      onTrained: (trained) => {
        if (!qualifying) return;
        const rmse = trained.result.heldOutRmse;
        if (best === null || rmse < best.rmse)
          best = {
            rmse,
            predictions: predictPairs({ scorer: trained.scorer, pairs: qualifying }),
          };
      },
    });
  } catch (error) {
    if (error instanceof PrizeModelTooLargeError || error instanceof RangeError)
      throw new UsageError(error.message);
    throw error;
  }
  if (qualifying && predictionsPath && best)
    await writeSubmission(
      predictionsPath,
      submissionText(qualifying, (best as { predictions: Float32Array }).predictions),
    );

  return {
    protocol: prepared.protocol,
    trainRatings: prepared.trainRatings,
    heldOutRatings: prepared.heldOutRatings,
    ...(probe ? { probePairsNotFound: prepared.probePairsNotFound } : {}),
    models: rows.map((row) => ({
      model: row.model,
      heldOutRmse: row.heldOutRmse,
      recallAt10: row.ranking?.recall ?? null,
      ndcgAt10: row.ranking?.ndcg ?? null,
      coverageAt10: row.ranking?.coverage ?? null,
      epochs: row.epochs,
      bestEpoch: row.bestEpoch,
      params: row.params,
      seconds: row.seconds,
    })),
  };
}

async function writeSubmission(path: string, text: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const piece of text)
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
