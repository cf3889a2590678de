import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/lib/days';
import { proposeLayout } from '../../src/stages/ingest/compute/delimited-layout';
import { idAt } from '../../src/stages/ingest/compute/id-index';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import { FileRefusedError } from '../../src/stages/ingest/compute/load-errors';
import { parseDay, guessTimeFormat } from '../../src/stages/ingest/compute/time-parse';
import { memorySource, testSettings } from '../helpers/memory-source';

const FIFTY = readFileSync(new URL('../fixtures/ratings-50.csv', import.meta.url));

describe('delimited ratings', () => {
  it('proposes the MovieLens layout from the header', () => {
    const proposal = proposeLayout(FIFTY.toString('utf8'));
    expect(proposal.columns).toEqual(['userId', 'movieId', 'rating', 'timestamp']);
    expect(proposal.layout).toEqual({
      delimiter: ',',
      hasHeader: true,
      userColumn: 0,
      itemColumn: 1,
      ratingColumn: 2,
      timeColumn: 3,
      timeFormat: 'unix-seconds',
      ratingMin: 0,
      ratingMax: 5,
    });
    expect(proposal.preview[0]).toEqual(['1', '1', '4.0', '964982703']);
  });

  it('finds columns by name in any order and other delimiters', () => {
    const tab = proposeLayout('date\tscore\tcustomer_id\tmovie\n2005-01-02\t3\t7\t12\n');
    expect(tab.layout).toMatchObject({
      delimiter: '\t',
      userColumn: 2,
      itemColumn: 3,
      ratingColumn: 1,
      timeColumn: 0,
      timeFormat: 'iso-date',
      ratingMin: 1,
      ratingMax: 5,
    });
    const ml1m = proposeLayout('1::1193::5::978300760\n1::661::3::978302109\n');
    expect(ml1m.layout).toMatchObject({
      delimiter: '::',
      hasHeader: false,
      userColumn: 0,
      itemColumn: 1,
      timeFormat: 'unix-seconds',
    });
    const semicolon = proposeLayout('user;item;rating;time\nu1;i9;8;1400000000000\n');
    expect(semicolon.layout).toMatchObject({
      delimiter: ';',
      timeFormat: 'unix-milliseconds',
      ratingMin: 0,
      ratingMax: 10,
    });
  });

  it('says what is missing when a file is not ratings', () => {
    expect(proposeLayout('userId,movieId,tag,timestamp\n2,60756,funny,1445714994\n').problem).toBe(
      'it found no rating column; ratings need user, item, rating and a date or timestamp',
    );
    expect(proposeLayout('user,item,rating\n1,2,3\n').problem).toMatch(
      /found no date or timestamp column/,
    );
    expect(proposeLayout('user,item,rating,time\n1,2,3,yesterday\n').problem).toBe(
      'column “time” holds neither dates nor unix timestamps',
    );
  });

  it('parses times in each format', () => {
    expect(formatDay(parseDay('964982703', 'unix-seconds') as number)).toBe('2000-07-30');
    expect(formatDay(parseDay('964982703000', 'unix-milliseconds') as number)).toBe('2000-07-30');
    expect(formatDay(parseDay('2005-09-06T13:00:00Z', 'iso-date') as number)).toBe('2005-09-06');
    expect(parseDay('2005-02-30', 'iso-date')).toBe('2005-02-30 is not a calendar date');
    expect(parseDay('soon', 'unix-seconds')).toBe('“soon” is not a unix timestamp');
    expect(guessTimeFormat(['1', '2'])).toBeNull();
  });

  it('loads the 50-row MovieLens fixture with half stars, whatever the chunk size', async () => {
    for (const chunkSize of [3, 64, 1 << 16]) {
      const { data, report } = await loadRatingFiles(
        [memorySource('ratings.csv', FIFTY, chunkSize)],
        testSettings(),
      );
      expect(data!.table.user.length).toBe(50);
      expect(data!.userIds.ids.length).toBe(10);
      expect(Array.from(data!.table.ratingValues)).toEqual([0.5, 1, 2, 3, 3.5, 4, 4.5, 5]);
      expect(report.skippedLines).toBe(0);
      const first = 0;
      expect(idAt(data!.userIds, data!.table.user[first])).toBe('1');
      expect(formatDay(data!.table.day[first])).toBe('2000-07-30');
    }
  });

  it('reports out-of-range ratings, bad numbers and missing fields with line numbers', async () => {
    const text = [
      'user,item,rating,time',
      '1,1,3,2005-01-01',
      '1,2,7,2005-01-01',
      '1,3,abc,2005-01-01',
      '1,4',
      '1,5,3,2005-02-30',
      ',6,3,2005-01-01',
    ];
    const good = Array.from({ length: 60 }, (_, i) => `${i + 2},9,4,2005-01-0${1 + (i % 9)}`);
    const layout = { ...proposeLayout(text.join('\n')).layout!, ratingMin: 1, ratingMax: 5 };
    const { report } = await loadRatingFiles(
      [memorySource('r.csv', [...text, ...good].join('\n'))],
      testSettings({ layouts: { 'r.csv': layout } }),
    );
    expect(report.badLines.map((b) => `${b.line}: ${b.reason}`)).toEqual([
      '3: rating 7 is out of range 1–5',
      '4: rating “abc” is not a number',
      '5: expected at least 4 fields, found 2',
      '6: 2005-02-30 is not a calendar date',
      '7: the user id is empty',
    ]);
  });

  it('waits for confirmation when the app has not confirmed a layout', async () => {
    await expect(
      loadRatingFiles(
        [memorySource('ratings.csv', FIFTY)],
        testSettings({ acceptProposedLayouts: false }),
      ),
    ).rejects.toThrow('ratings.csv needs its columns confirmed before it can be loaded.');
  });

  it('refuses a delimited file that is not ratings with one sentence', async () => {
    const error = await loadRatingFiles(
      [memorySource('tags.csv', 'userId,movieId,tag,timestamp\n2,60756,funny,1445714994\n')],
      testSettings(),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(FileRefusedError);
    expect(error.message).toBe(
      'tags.csv cannot be loaded: it is not a ratings file: it found no rating column; ratings need user, item, rating and a date or timestamp.',
    );
  });

  it('keeps text ids as text', async () => {
    const { data } = await loadRatingFiles(
      [
        memorySource(
          'a.csv',
          'user,item,rating,date\nalice,m1,4,2005-01-01\nbob,m1,2,2005-01-02\n12,m2,5,2005-01-03\n',
        ),
      ],
      testSettings(),
    );
    expect(data!.userIds).toEqual({ kind: 'text', ids: ['alice', 'bob', '12'] });
    expect(data!.movieIds).toEqual({ kind: 'text', ids: ['m1', 'm2'] });
  });
});
