import { gzipSync, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadRatingFiles } from '../../src/stages/ingest/compute/load-files';
import { CancelledError, CancelToken } from '../../src/lib/cancellation';
import { FileRefusedError } from '../../src/stages/ingest/compute/load-errors';
import { sniffFormat } from '../../src/stages/ingest/compute/sniff-format';
import { memorySource, testSettings } from '../helpers/memory-source';

const bytes = (text: string) => new TextEncoder().encode(text);
const RATINGS = '1:\n1488844,3,2005-09-06\n822109,5,2005-05-13\n2:\n1488844,4,2005-09-07\n';

describe('format detection, by content', () => {
  it('recognises each format from its first bytes', () => {
    expect(sniffFormat(new Uint8Array(0)).kind).toBe('empty');
    expect(sniffFormat(bytes('\n\n  \n')).kind).toBe('empty');
    expect(
      sniffFormat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)).kind,
    ).toBe('binary');
    expect(sniffFormat(gzipSync(bytes(RATINGS))).kind).toBe('gzip');
    expect(sniffFormat(zipSync({ 'a.txt': bytes(RATINGS) })).kind).toBe('zip');
    expect(sniffFormat(bytes(RATINGS)).kind).toBe('netflix-ratings');
    expect(sniffFormat(bytes('1:\n30878\n2647871\n1283744\n')).kind).toBe('netflix-probe');
    expect(sniffFormat(bytes('1:\n1046323,2005-12-19\n1080030,2005-12-23\n')).kind).toBe(
      'netflix-qualifying',
    );
    expect(
      sniffFormat(bytes('1,2003,Dinosaur Planet\n2,2004,Isle of Man TT 2004 Review\n')).kind,
    ).toBe('netflix-titles');
    expect(sniffFormat(bytes('movieId,title,genres\n1,Toy Story (1995),Animation\n')).kind).toBe(
      'movielens-movies',
    );
    expect(sniffFormat(bytes('userId,movieId,rating,timestamp\n1,1,4.0,964982703\n')).kind).toBe(
      'delimited',
    );
    expect(sniffFormat(bytes('This is a README.\nIt has sentences.\n')).kind).toBe('unknown');
  });

  it('does not take headerless ratings with 4-digit item ids for titles', () => {
    expect(
      sniffFormat(bytes('1,1193,5,978300760\n1,1197,3,978302268\n2,1357,5,978298709\n')).kind,
    ).toBe('delimited');
  });
});

describe('archives and refusals', () => {
  it('streams the Kaggle zip as it is: ratings and titles read, probe/qualifying/README skipped with notes', async () => {
    const zip = zipSync({
      'netflix-prize-data/combined_data_1.txt': strToU8(RATINGS),
      'netflix-prize-data/combined_data_2.txt': strToU8('3:\n1488844,2,2005-10-01\n'),
      'netflix-prize-data/movie_titles.csv': strToU8(
        '1,2003,Dinosaur Planet\n2,2004,Isle of Man TT 2004 Review\n3,1997,Character\n',
      ),
      'netflix-prize-data/probe.txt': strToU8('1:\n30878\n2647871\n'),
      'netflix-prize-data/qualifying.txt': strToU8('1:\n1046323,2005-12-19\n'),
      'netflix-prize-data/README': strToU8('The Netflix Prize dataset.\nSee the rules.\n'),
    });
    for (const chunkSize of [100, 1 << 16]) {
      const { data, report } = await loadRatingFiles(
        [memorySource('netflix-prize-data.zip', zip, chunkSize)],
        testSettings(),
      );
      expect(data!.table.user.length).toBe(4);
      expect(data!.movies.map((m) => m?.title)).toEqual([
        'Dinosaur Planet',
        'Isle of Man TT 2004 Review',
        'Character',
      ]);
      const notes = Object.fromEntries(
        report.files.map((f) => [f.name.split('/').pop(), f.note ?? f.format]),
      );
      expect(notes).toEqual({
        'combined_data_1.txt': 'Netflix Prize ratings',
        'combined_data_2.txt': 'Netflix Prize ratings',
        'movie_titles.csv': 'Netflix movie titles',
        'probe.txt': 'probe.txt lists customer ids without ratings',
        'qualifying.txt': 'qualifying.txt is the hidden test set and has no ratings',
        README:
          'it is in no format Prize Lab reads (it has no delimited columns and no `MovieID:` blocks)',
      });
    }
  });

  it('inflates gzip files in JavaScript when the host did not', async () => {
    const { data } = await loadRatingFiles(
      [memorySource('combined_data_1.txt.gz', gzipSync(bytes(RATINGS)), 10)],
      testSettings(),
    );
    expect(data!.table.user.length).toBe(3);
  });

  it('refuses empty, binary, damaged and unknown files with one sentence naming the file', async () => {
    const refusal = async (name: string, content: Uint8Array) =>
      (await loadRatingFiles([memorySource(name, content)], testSettings()).catch(
        (e: Error) => e,
      )) as Error;
    expect((await refusal('empty.txt', new Uint8Array(0))).message).toBe(
      'empty.txt cannot be loaded: it is empty.',
    );
    expect((await refusal('photo.jpg', Uint8Array.of(0xff, 0xd8, 0xff, 0, 1, 2))).message).toBe(
      'photo.jpg cannot be loaded: it is a binary file, not ratings or titles.',
    );
    const damaged = gzipSync(bytes(RATINGS.repeat(50))).slice(0, 40);
    expect((await refusal('cut.txt.gz', damaged)).message).toMatch(
      /^cut\.txt\.gz is a damaged gzip file/,
    );
    expect((await refusal('notes.txt', bytes('Dear reader,\nhello\n'))).message).toMatch(
      /^notes\.txt cannot be loaded: /,
    );
    expect(await refusal('a.zip', zipSync({}))).toBeInstanceOf(FileRefusedError);
  });

  it('refuses a file given twice, and a load of nothing but skipped entries', async () => {
    await expect(
      loadRatingFiles(
        [memorySource('a.txt', RATINGS), memorySource('a.txt', RATINGS)],
        testSettings(),
      ),
    ).rejects.toThrow('a.txt was given twice.');
    await expect(
      loadRatingFiles([memorySource('probe.txt', '1:\n30878\n')], testSettings()),
    ).rejects.toThrow('probe.txt held no ratings and no titles.');
  });

  it('turns running out of memory into a sentence about the file', async () => {
    const source = {
      name: 'huge.txt',
      byteLength: null,
      async *open() {
        yield bytes(RATINGS);
        throw new RangeError('Array buffer allocation failed');
      },
    };
    await expect(loadRatingFiles([source], testSettings())).rejects.toThrow(
      // The three ratings were still waiting in the format sniffer's buffer: none had been stored yet.
      'huge.txt could not be loaded: the browser ran out of memory after 0 ratings; load fewer files at once or a smaller subset of them.',
    );
  });

  it('stops between chunks when cancelled, and reports progress in source bytes', async () => {
    const big = `1:\n${'1488844,3,2005-09-06\n'.repeat(200_000)}`;
    const token = new CancelToken();
    const seen: number[] = [];
    const run = loadRatingFiles([memorySource('big.txt', big, 1 << 18)], testSettings(), {
      cancel: token,
      onProgress: (p) => {
        seen.push(p.bytesRead);
        if (p.bytesRead > 1 << 20) token.cancel();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThan(big.length);
  });
});
