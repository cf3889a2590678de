import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/lib/days';
import { idAt } from '../../src/stages/ingest/compute/id-index';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import { FileRefusedError } from '../../src/stages/ingest/compute/load-errors';
import { ratingsAsFloat32 } from '../../src/stages/ingest/compute/ratings-table';
import { memorySource, testSettings } from '../helpers/memory-source';

const TWO_BLOCKS = [
  '1:',
  '1488844,3,2005-09-06',
  '822109,5,2005-05-13',
  '2:',
  '1488844,4,2004-02-29',
  '30878,1,1999-11-11',
  '',
].join('\n');

/** The rows of a load as `customer,movie,stars,date` strings, in file order. */
function rows(data: NonNullable<Awaited<ReturnType<typeof loadRatingFiles>>['data']>): string[] {
  const stars = ratingsAsFloat32(data.table);
  return Array.from(data.table.user, (u, i) =>
    [
      idAt(data.userIds, u),
      idAt(data.movieIds, data.table.movie[i]),
      stars[i],
      formatDay(data.table.day[i]),
    ].join(','),
  );
}

describe('Netflix Prize ratings parser', () => {
  it('reads movie blocks into columns, whatever the chunk size', async () => {
    for (const chunkSize of [1, 2, 3, 7, 20, 1 << 16]) {
      const { data, report } = await loadRatingFiles(
        [memorySource('combined_data_1.txt', TWO_BLOCKS, chunkSize)],
        testSettings(),
      );
      expect(rows(data!)).toEqual([
        '1488844,1,3,2005-09-06',
        '822109,1,5,2005-05-13',
        '1488844,2,4,2004-02-29',
        '30878,2,1,1999-11-11',
      ]);
      expect(data!.userIds.ids.length).toBe(3);
      expect(report.skippedLines).toBe(0);
      expect(report.files[0]).toMatchObject({
        format: 'Netflix Prize ratings',
        ratings: 4,
        skippedLines: 0,
      });
    }
  });

  it('stores 11 bytes per rating', async () => {
    const { data } = await loadRatingFiles([memorySource('a.txt', TWO_BLOCKS)], testSettings());
    const t = data!.table;
    expect(
      (t.user.byteLength + t.movie.byteLength + t.code.byteLength + t.day.byteLength) /
        t.user.length,
    ).toBe(11);
  });

  it('accepts CRLF line ends and a last line without a newline', async () => {
    const text = '7:\r\n10,2,2003-01-31\r\n11,3,2003-02-01';
    const { data } = await loadRatingFiles(
      [memorySource('mv_0000007.txt', text, 5)],
      testSettings(),
    );
    expect(rows(data!)).toEqual(['10,7,2,2003-01-31', '11,7,3,2003-02-01']);
  });

  it('reads several files (per-movie mv_ files) into one dataset with shared ids', async () => {
    const { data } = await loadRatingFiles(
      [
        memorySource('mv_0000001.txt', '1:\n5,3,2005-01-01\n6,4,2005-01-02\n'),
        memorySource('mv_0000002.txt', '2:\n6,2,2005-01-03\n'),
      ],
      testSettings(),
    );
    expect(rows(data!)).toEqual(['5,1,3,2005-01-01', '6,1,4,2005-01-02', '6,2,2,2005-01-03']);
    expect(data!.userIds.ids.length).toBe(2);
  });

  it('skips and reports each kind of bad line with file, line number, text and reason', async () => {
    const lines = ['1:'];
    for (let i = 0; i < 100; i++) lines.push(`${1000 + i},4,2005-01-01`);
    lines.push(
      '200,6,2005-01-01', // 102: rating out of range
      '201,0,2005-01-01', // 103: rating out of range
      '202,3,2005-02-30', // 104: impossible date
      '203,3,2005-13-01', // 105: impossible month
      '204,3,1969-12-31', // 106: before 1970
      '205,3,2031-01-01', // 107: in the future
      'hello,3,2005-01-01', // 108: not a customer id
      '206,3,05/01/2005', // 109: wrong date format
      '207,,2005-01-01', // 110: missing rating
    );
    const { data, report } = await loadRatingFiles(
      [memorySource('combined_data_2.txt', `${lines.join('\n')}\n`)],
      testSettings(),
    );
    expect(data!.table.user.length).toBe(100);
    expect(report.skippedLines).toBe(9);
    expect(report.badLines.map((b) => [b.line, b.reason])).toEqual([
      [102, 'rating 6 is out of range 1–5'],
      [103, 'rating 0 is out of range 1–5'],
      [104, '2005-02-30 is not a calendar date'],
      [105, '2005-13-01 is not a calendar date'],
      [106, 'date 1969-12-31 is outside the possible range'],
      [107, 'date 2031-01-01 is outside the possible range'],
      [108, 'expected `CustomerID,Rating,YYYY-MM-DD` or a `MovieID:` header'],
      [109, 'expected a date as YYYY-MM-DD'],
      [110, 'expected a whole-number rating after the customer id'],
    ]);
    expect(report.badLines[0]).toMatchObject({
      file: 'combined_data_2.txt',
      text: '200,6,2005-01-01',
    });
  });

  it('treats rows before the first movie header as errors, not as movie 0', async () => {
    const body = [
      '5,3,2005-01-01',
      '1:',
      ...Array.from({ length: 30 }, (_, i) => `${10 + i},3,2005-01-01`),
    ].join('\n');
    // A file whose first line is a rating row is not recognised as Netflix blocks at all…
    await expect(
      loadRatingFiles([memorySource('mv_broken.txt', body)], testSettings()),
    ).rejects.toThrow(FileRefusedError);
    // …and inside a block file, a row before any header is reported.
    const withHeaderLater = ['3:', '1,3,2005-01-01'].join('\n');
    const { report } = await loadRatingFiles(
      [memorySource('ok.txt', withHeaderLater)],
      testSettings(),
    );
    expect(report.skippedLines).toBe(0);
  });

  it('refuses a file that is mostly not ratings, naming the file and the first bad line', async () => {
    const text = [
      '1:',
      '1,3,2005-01-01',
      ...Array.from({ length: 20 }, (_, i) => `${i},9,2005-01-01`),
    ].join('\n');
    const error = await loadRatingFiles([memorySource('junk.txt', text)], testSettings()).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(FileRefusedError);
    expect((error as Error).message).toBe(
      'junk.txt was not loaded: 20 of 22 lines are not ratings (first at junk.txt:3: rating 9 is out of range 1–5 (“0,9,2005-01-01”)).',
    );
  });

  it('refuses a block file with headers but no ratings', async () => {
    await expect(
      loadRatingFiles([memorySource('empty-blocks.txt', '1:\n2:\n')], testSettings()),
    ).rejects.toThrow('empty-blocks.txt holds no ratings.');
  });
});
