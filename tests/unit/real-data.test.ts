import { describe, expect, it } from 'vitest';
import { fileSource } from '../../src/cli/node-sources';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import { summarizeRatings } from '../../src/stages/ingest/compute/summarize';
import { testSettings } from '../helpers/memory-source';
import { hasSharedData, sharedPath } from '../helpers/shared-data';

const present = hasSharedData('the real-data ingestion tests');

describe.skipIf(!present)('real Netflix Prize and MovieLens files', () => {
  it('reads both combined_data files: 30 movies, 50,140 ratings, 43,057 users, 2000-01-05 … 2005-12-31', async () => {
    const { data, report } = await loadRatingFiles(
      [
        fileSource(sharedPath('netflix/combined_data/combined_data_1_movies_00001-00020.txt')),
        fileSource(sharedPath('netflix/combined_data/combined_data_4_movies_13368-13377.txt')),
      ],
      testSettings(),
    );
    const summary = summarizeRatings(data!);
    expect(summary).toMatchObject({
      ratings: 50_140,
      users: 43_057,
      movies: 30,
      firstDate: '2000-01-05',
      lastDate: '2005-12-31',
    });
    expect(report.skippedLines).toBe(0);
    expect(report.files.map((f) => f.ratings)).toEqual([42_813, 7_327]);
    expect(Array.from(data!.table.ratingValues)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads movie_titles.csv: 17,770 movies, 336 titles with commas, 7 NULL years, movie 1 is Dinosaur Planet (2003)', async () => {
    const { titles, report } = await loadRatingFiles(
      [fileSource(sharedPath('netflix/movie_titles.csv'))],
      testSettings(),
    );
    expect(titles.size).toBe(17_770);
    expect(report.titles).toMatchObject({ titles: 17_770, titlesWithCommas: 336, nullYears: 7 });
    expect(titles.get('1')).toEqual({ title: 'Dinosaur Planet', year: 2003 });
    expect([...titles.values()].some((m) => m.title.includes('é'))).toBe(true);
    expect(report.skippedLines).toBe(0);
  });

  it('joins the real titles to the real ratings', async () => {
    const { data } = await loadRatingFiles(
      [
        fileSource(sharedPath('netflix/combined_data/combined_data_1_movies_00001-00020.txt')),
        fileSource(sharedPath('netflix/movie_titles.csv')),
      ],
      testSettings(),
    );
    expect(data!.movies[0]).toEqual({ title: 'Dinosaur Planet', year: 2003 });
    expect(data!.movies.every((m) => m !== null)).toBe(true);
  });

  it('reads MovieLens ratings.csv: 100,836 ratings from 610 users on 9,724 movies', async () => {
    const { data, report } = await loadRatingFiles(
      [
        fileSource(sharedPath('movielens/ml-latest-small/ratings.csv')),
        fileSource(sharedPath('movielens/ml-latest-small/movies.csv')),
      ],
      testSettings(),
    );
    const summary = summarizeRatings(data!);
    expect(summary).toMatchObject({
      ratings: 100_836,
      users: 610,
      movies: 9_724,
      firstDate: '1996-03-29',
      lastDate: '2018-09-24',
    });
    expect(report.skippedLines).toBe(0);
    expect(summary.titledMovies).toBe(9_724);
    expect(Array.from(data!.table.ratingValues)).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
  });
});
