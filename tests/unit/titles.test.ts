import { describe, expect, it } from 'vitest';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import { memorySource, testSettings } from '../helpers/memory-source';

/** Latin-1 bytes, as the real movie_titles.txt is encoded (é is the single byte 0xE9, invalid as UTF-8). */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

const NETFLIX_TITLES = latin1(
  [
    '1,2003,Dinosaur Planet',
    '2,2004,Isle of Man TT 2004 Review',
    '16,1996,Screamers',
    '17,2005,7 Seconds',
    '4388,NULL,Ancient Civilizations: Rome and Pompeii',
    '72,1991,Blood, Sweat and Tears',
    '99,1992,"Weird" Tales, Part 2',
    '100,2001,Am\u00e9lie',
    '',
  ].join('\n'),
);

describe('movie titles', () => {
  it('reads Netflix titles: Latin-1, commas inside titles, quotes as plain text, NULL years', async () => {
    for (const chunkSize of [1, 9, 1 << 16]) {
      const { data, titles, report } = await loadRatingFiles(
        [memorySource('movie_titles.csv', NETFLIX_TITLES, chunkSize)],
        testSettings(),
      );
      expect(data).toBeNull();
      expect(titles.get('1')).toEqual({ title: 'Dinosaur Planet', year: 2003 });
      expect(titles.get('4388')).toEqual({
        title: 'Ancient Civilizations: Rome and Pompeii',
        year: null,
      });
      expect(titles.get('72')).toEqual({ title: 'Blood, Sweat and Tears', year: 1991 });
      expect(titles.get('99')).toEqual({ title: '"Weird" Tales, Part 2', year: 1992 });
      expect(titles.get('100')).toEqual({ title: 'Amélie', year: 2001 });
      expect(report.titles).toEqual({ lines: 8, titles: 8, titlesWithCommas: 2, nullYears: 1 });
      expect(report.files[0]).toMatchObject({ format: 'Netflix movie titles', titles: 8 });
    }
  });

  it('reads MovieLens movies.csv: quoted titles, the year from the title, genres, UTF-8', async () => {
    const text =
      'movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n11,"American President, The (1995)",Comedy|Drama\n99,Amélie (Fabuleux destin d\'Amélie Poulain) (2001),Comedy\n5,Untitled,(no genres listed)\n';
    const { titles } = await loadRatingFiles([memorySource('movies.csv', text, 7)], testSettings());
    expect(titles.get('1')).toEqual({
      title: 'Toy Story',
      year: 1995,
      genres: 'Adventure|Animation',
    });
    expect(titles.get('11')).toEqual({
      title: 'American President, The',
      year: 1995,
      genres: 'Comedy|Drama',
    });
    expect(titles.get('99')?.title).toBe("Amélie (Fabuleux destin d'Amélie Poulain)");
    expect(titles.get('5')).toEqual({ title: 'Untitled', year: null });
  });

  it('joins titles to the ratings loaded with them, by movie id', async () => {
    const { data } = await loadRatingFiles(
      [
        memorySource(
          'combined_data_1.txt',
          '16:\n7,3,2005-01-01\n1:\n7,4,2005-01-02\n3:\n8,2,2005-01-03\n',
        ),
        memorySource('movie_titles.csv', NETFLIX_TITLES),
      ],
      testSettings(),
    );
    expect(data!.movies).toEqual([
      { title: 'Screamers', year: 1996 },
      { title: 'Dinosaur Planet', year: 2003 },
      null,
    ]);
  });

  it('reports malformed title lines', async () => {
    const text = latin1(
      '1,2003,Dinosaur Planet\nx,2003,Bad id\n3,19x5,Bad year\n4,2001,\n5,2002,Fine\n6,2002,Fine too\n7,2002,Also fine\n8,2002,Fine\n9,2002,Fine\n10,2002,Fine\n11,2002,Fine\n12,2002,Fine\n13,2002,Fine\n14,2002,Fine\n',
    );
    const { report } = await loadRatingFiles(
      [memorySource('movie_titles.txt', text)],
      testSettings(),
    );
    expect(report.badLines.map((b) => b.line)).toEqual([2, 3, 4]);
    expect(report.badLines[0].reason).toBe('expected `MovieID,YearOfRelease,Title`');
  });
});
