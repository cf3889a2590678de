import type { BadLineLog } from '../../ingest/compute/bad-lines';
import type { RatingSource } from '../../ingest/compute/load-files';
import { FileRefusedError } from '../../ingest/compute/load-errors';
import type { RatingsData } from '../../ingest/compute/ratings-table';
import { sniffFormat, SNIFF_BYTES } from '../../ingest/compute/sniff-format';
import { IdLookup } from './id-lookup';
import { PairListParser, type PairList, type PairListKind } from './pair-list-parser';

const FORMAT_OF: Record<PairListKind, string> = {
  probe: 'netflix-probe',
  qualifying: 'netflix-qualifying',
};

/**
 * Reads a probe or qualifying file against a loaded dataset. The file is recognised by its content with the
 * ingest stage's `sniffFormat` (which knows both formats), never by its name: a file that is not of the
 * expected kind is refused with a `FileRefusedError` that says what it looks like instead.
 */
export interface ReadPairListOptions {
  source: RatingSource;
  kind: PairListKind;
  /** The loaded training ratings whose ids the file's customers and movies are looked up in. */
  data: RatingsData;
  /** Receives every skipped line with file name and line number (and counts them). */
  badLines: BadLineLog;
}

export async function readPairList(options: ReadPairListOptions): Promise<PairList> {
  const { source, kind, data, badLines } = options;
  const parser = new PairListParser(
    source.name,
    kind,
    new IdLookup(data.userIds),
    new IdLookup(data.movieIds),
    badLines,
  );
  let head: Uint8Array | null = new Uint8Array(0);
  for await (const chunk of source.open(() => undefined)) {
    if (head) {
      head = concat(head, chunk);
      if (head.length < SNIFF_BYTES) continue;
      checkKind(source.name, kind, head);
      parser.push(head);
      head = null;
    } else parser.push(chunk);
  }
  if (head) {
    checkKind(source.name, kind, head);
    parser.push(head);
  }
  parser.end();
  return parser.result();
}

/** `a` then `b` in one new array. */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function checkKind(name: string, kind: PairListKind, head: Uint8Array): void {
  const format = sniffFormat(head).kind;
  if (format === FORMAT_OF[kind]) return;
  const expected =
    kind === 'probe'
      ? '`MovieID:` blocks of customer ids (probe.txt)'
      : '`MovieID:` blocks of `CustomerID,Date` lines (qualifying.txt)';
  throw new FileRefusedError(
    name,
    `${name} is not a ${kind} file: it should hold ${expected}, but it reads as ${format}.`,
  );
}
