import type { PairList } from './pair-list-parser';

/**
 * The Prize's submission format for a qualifying file: each `MovieID:` header in the qualifying file's order,
 * then one predicted rating per line for that block's customers, in the same order, written with 3 decimals.
 * Yields the text one block at a time so that a host can stream it to a file.
 */
export function* submissionText(
  qualifying: PairList,
  predictions: Float32Array,
): Generator<string> {
  if (predictions.length !== qualifying.count)
    throw new RangeError(
      `${predictions.length} predictions for ${qualifying.count} qualifying pairs`,
    );
  let p = 0;
  for (const block of qualifying.blocks) {
    const lines = [`${block.movieId}:`];
    for (let k = 0; k < block.pairs; k++) lines.push(predictions[p++].toFixed(3));
    yield `${lines.join('\n')}\n`;
  }
}
