import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { dayFromCivil } from '../../src/lib/days';
import { RatingsBuilder } from '../../src/stages/ingest/compute/ratings-builder';
import type { RatingsTable } from '../../src/stages/ingest/compute/ratings-table';

/**
 * The peer: papaparse in fast mode, fed in chunks, producing the same columns as the project's parser
 * (same builder, same id maps), so that the two differ only in how the text is read.
 */
export async function parseWithPapaparse(path: string): Promise<RatingsTable> {
  const builder = new RatingsBuilder();
  let movie = -1;
  const handle = (rows: string[][]) => {
    for (const row of rows) {
      if (row.length === 1) {
        const header = row[0];
        if (header.endsWith(':')) movie = builder.movies.indexOfInt(Number(header.slice(0, -1)));
        continue;
      }
      const date = row[2];
      const day = dayFromCivil(
        Number(date.slice(0, 4)),
        Number(date.slice(5, 7)),
        Number(date.slice(8, 10)),
      );
      builder.add(
        builder.users.indexOfInt(Number(row[0])),
        movie,
        builder.codeOf(Number(row[1])),
        day,
      );
    }
  };
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(path, { highWaterMark: 1 << 20 }) as unknown as File, {
      fastMode: true,
      delimiter: ',',
      newline: '\n',
      skipEmptyLines: true,
      chunkSize: 1 << 20,
      chunk: (results) => handle(results.data),
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  });
  return builder.finish();
}
