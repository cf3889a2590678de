/**
 * Malformed and hostile rating files, made from a seed at test time (nothing binary is committed). Each case
 * is what a person might drop on the page by mistake or on purpose: cut, corrupted, in another encoding, with
 * impossible values, one endless line, or an archive that inflates without end. tests/unit/hostile-inputs.test.ts
 * loads each through the real loaders; `npx tsx scripts/hostile/report.ts [DIR]` says how each is handled
 * (and writes them to DIR).
 */
import { Zip, ZipDeflate, gzipSync, zipSync } from 'fflate';
import { createRng, type Rng } from '../../src/lib/rng';

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
}

export interface HostileCase {
  /** Short id, also the class in tests/fixtures/HOSTILE.md. */
  id: string;
  description: string;
  files: HostileFile[];
  /**
   * What must happen. `skips`: loads, with exactly this many skipped lines (or, for random damage, at least 1
   * and at most this many); `refused`: refused with a message that matches.
   */
  expect:
    | { kind: 'loads'; skips: number; exact: boolean }
    | { kind: 'refused'; message: RegExp }
    | { kind: 'loads-or-refused'; maxSkips: number };
}

const encoder = new TextEncoder();
const text = (s: string) => encoder.encode(s);

/** A valid Netflix Prize ratings file: `movies` blocks of `perMovie` rows, one line each. */
export function netflixLines(rng: Rng, movies = 4, perMovie = 150): string[] {
  const lines: string[] = [];
  for (let m = 1; m <= movies; m++) {
    lines.push(`${m}:`);
    for (let r = 0; r < perMovie; r++) {
      const month = 1 + rng.int(12);
      const day = 1 + rng.int(28);
      const date = `${2000 + rng.int(6)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      lines.push(`${1 + rng.int(5000)},${1 + rng.int(5)},${date}`);
    }
  }
  return lines;
}

/** The lines with `bad` put after random rating rows (never before the first `MovieID:` header). */
function withBadRows(rng: Rng, lines: string[], bad: string[]): string {
  const out = lines.slice();
  for (const row of bad) out.splice(2 + rng.int(out.length - 2), 0, row);
  return `${out.join('\n')}\n`;
}

/** `bytes` with `count` random bytes inserted at random places after the first line. */
function insertRandomBytes(rng: Rng, bytes: Uint8Array, count: number): Uint8Array {
  const out: number[] = Array.from(bytes);
  for (let i = 0; i < count; i++) out.splice(4 + rng.int(out.length - 4), 0, rng.int(256));
  return Uint8Array.from(out);
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
}

/** A zip whose one entry is `megabytes` MiB of one repeated byte: about 1,000× smaller than what it holds. */
function zipBomb(entry: string, megabytes: number, byte: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    parts.push(data);
  });
  const file = new ZipDeflate(entry, { level: 9 });
  zip.add(file);
  const block = new Uint8Array(1 << 20).fill(byte);
  for (let i = 0; i < megabytes; i++) file.push(block, i === megabytes - 1);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Every case, the same for the same seed. */
export function malformedInputs(seed = 13): HostileCase[] {
  const rng = createRng(seed);
  const lines = netflixLines(rng.fork(1));
  const good = `${lines.join('\n')}\n`;
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);

  // Cut inside the date of the last row: that row is skipped, the rest loads.
  const lastRow = good.lastIndexOf(',');
  add({
    id: 'truncated',
    description: 'a ratings file cut in the middle of its last row',
    files: [{ name: 'truncated.txt', bytes: text(good.slice(0, lastRow + 5)) }],
    expect: { kind: 'loads', skips: 1, exact: true },
  });
  add({
    id: 'random-bytes',
    description: '25 random bytes (any of 256 values) inserted at random places',
    files: [{ name: 'random_bytes.txt', bytes: insertRandomBytes(rng.fork(2), text(good), 25) }],
    expect: { kind: 'loads-or-refused', maxSkips: 50 },
  });
  add({
    id: 'crlf',
    description: 'Windows line ends (CRLF) throughout',
    files: [{ name: 'crlf.txt', bytes: text(good.replace(/\n/g, '\r\n')) }],
    expect: { kind: 'loads', skips: 0, exact: true },
  });
  add({
    id: 'utf8-bom',
    description: 'a UTF-8 byte order mark before the first `MovieID:` header',
    files: [{ name: 'bom.txt', bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...text(good)]) }],
    expect: { kind: 'loads', skips: 0, exact: true },
  });
  add({
    id: 'utf16',
    description: 'the ratings file saved as UTF-16 (little-endian, with BOM)',
    files: [{ name: 'utf16.txt', bytes: utf16le(good) }],
    expect: { kind: 'refused', message: /^utf16\.txt cannot be loaded: / },
  });
  add({
    id: 'nul-bytes',
    description: 'NUL bytes in place of 10 characters of rating rows',
    files: [
      {
        name: 'nul.txt',
        bytes: (() => {
          const bytes = text(good);
          const r = rng.fork(3);
          for (let i = 0; i < 10; i++) bytes[200 + r.int(bytes.length - 200)] = 0;
          return bytes;
        })(),
      },
    ],
    expect: { kind: 'loads-or-refused', maxSkips: 10 },
  });
  add({
    id: 'ids-past-2^32',
    description: 'customer and movie ids of 10 and more digits (4294967297, 99999999999)',
    files: [
      {
        name: 'big_ids.txt',
        bytes: text(
          withBadRows(rng.fork(4), lines, [
            '4294967297,3,2005-01-01',
            '99999999999,4,2005-01-01',
            '18446744073709551617,2,2005-01-01',
          ]) + '4294967297:\n1,3,2005-01-01\n',
        ),
      },
    ],
    // The three rows, the header, and the row under it (the header failed, so it belongs to no movie block).
    expect: { kind: 'loads', skips: 5, exact: true },
  });
  add({
    id: 'bad-ratings',
    description: 'negative, zero, fractional and too large ratings',
    files: [
      {
        name: 'bad_ratings.txt',
        bytes: text(
          withBadRows(rng.fork(5), lines, [
            '7,-1,2005-01-01',
            '7,0,2005-01-01',
            '7,3.5,2005-01-01',
            '7,6,2005-01-01',
            '7,99999999999999999999,2005-01-01',
          ]),
        ),
      },
    ],
    expect: { kind: 'loads', skips: 5, exact: true },
  });
  add({
    id: 'bad-dates',
    description: 'dates before 1970, in the future, and not in the calendar',
    files: [
      {
        name: 'bad_dates.txt',
        bytes: text(
          withBadRows(rng.fork(6), lines, [
            '7,3,1890-01-01',
            '7,3,2999-12-31',
            '7,3,2005-02-30',
            '7,3,2005-13-01',
            '7,3,0000-00-00',
            '7,3,20050101',
          ]),
        ),
      },
    ],
    expect: { kind: 'loads', skips: 6, exact: true },
  });
  add({
    id: 'delimited-odd-values',
    description:
      'a CSV with ids past 2^32 (text ids), negative, fractional and non-numeric ratings, timestamps far out',
    files: [
      {
        name: 'odd.csv',
        bytes: text(
          'userId,movieId,rating,timestamp\n' +
            Array.from(
              { length: 200 },
              (_, i) => `${i + 1},${(i % 20) + 1},${1 + (i % 5)},1100000000`,
            ).join('\n') +
            '\n18446744073709551617,4294967297,4,1100000000\n' +
            '5,5,-1,1100000000\n5,5,3.5,1100000000\n5,5,abc,1100000000\n5,5,4,-99999999999\n5,5,4,99999999999999\n',
        ),
      },
    ],
    // -1 (out of 1–5), abc, and the two timestamps; 3.5 is inside the proposed range and loads.
    expect: { kind: 'loads', skips: 4, exact: true },
  });
  add({
    id: 'duplicated-headers',
    description: 'a CSV whose header line comes back three times further down',
    files: [
      {
        name: 'dup_header.csv',
        bytes: text(
          Array.from({ length: 4 }, () =>
            [
              'userId,movieId,rating,timestamp',
              ...Array.from({ length: 50 }, (_, i) => `${i + 1},${(i % 7) + 1},4,1100000000`),
            ].join('\n'),
          ).join('\n') + '\n',
        ),
      },
    ],
    expect: { kind: 'loads', skips: 3, exact: true },
  });
  add({
    id: 'duplicated-block',
    description: 'the same `MovieID:` block twice',
    files: [{ name: 'dup_block.txt', bytes: text(good + lines.slice(0, 20).join('\n') + '\n') }],
    expect: { kind: 'loads', skips: 0, exact: true },
  });
  add({
    id: 'huge-line',
    description: 'one line of 8 MiB (digits and commas, no line break)',
    files: [{ name: 'huge_line.txt', bytes: text('1:\n' + '1234567,'.repeat(1 << 20)) }],
    expect: { kind: 'refused', message: /^huge_line\.txt:2: the line is longer than 64 KiB/ },
  });
  add({
    id: 'huge-line-titles',
    description: 'a titles file whose third line is 2 MiB long',
    files: [
      {
        name: 'movie_titles.csv',
        bytes: text(`1,2003,Dinosaur Planet\n2,2004,Isle of Man\n3,2005,${'x'.repeat(2 << 20)}\n`),
      },
    ],
    expect: { kind: 'refused', message: /^movie_titles\.csv:3: the line is longer than 1 MiB/ },
  });
  add({
    id: 'zip-bomb',
    description: 'a zip holding 256 MiB of zeros in about 256 KiB (1,000×)',
    files: [{ name: 'bomb.zip', bytes: zipBomb('zeros.txt', 256, 0) }],
    expect: {
      kind: 'refused',
      message: /^bomb\.zip( › zeros\.txt)? was not loaded: it expands to more than 100 times/,
    },
  });
  add({
    id: 'gzip-bomb',
    description: 'a .gz of 96 MiB of valid rating rows, the same one over and over (about 500×)',
    files: [
      {
        name: 'same_row.txt.gz',
        bytes: gzipSync(text(`1:\n${'1,3,2005-01-01\n'.repeat((96 << 20) / 15)}`), { level: 9 }),
      },
    ],
    expect: {
      kind: 'refused',
      message: /^same_row\.txt\.gz was not loaded: it expands to more than 100 times/,
    },
  });
  const inner = zipSync({ 'ratings.txt': text(good) });
  const nested = (depth: number) => {
    let bytes = inner;
    for (let level = 1; level < depth; level++) bytes = zipSync({ [`level${level}.zip`]: bytes });
    return bytes;
  };
  add({
    id: 'zip-nested-2',
    description: 'ratings in a zip in a zip',
    files: [{ name: 'nested2.zip', bytes: nested(2) }],
    expect: { kind: 'loads', skips: 0, exact: true },
  });
  add({
    id: 'zip-nested-5',
    description: 'ratings in five zips, one inside the other',
    files: [{ name: 'nested5.zip', bytes: nested(5) }],
    expect: { kind: 'refused', message: /was not loaded: it is an archive inside 3 others/ },
  });
  const gz = gzipSync(text(good));
  add({
    id: 'gzip-cut-mid-block',
    description: 'a .gz that stops in the middle of a deflate block',
    files: [{ name: 'cut.txt.gz', bytes: gz.slice(0, Math.floor(gz.length / 2)) }],
    expect: { kind: 'refused', message: /^cut\.txt\.gz is a damaged gzip file|^cut\.txt/ },
  });
  const zip = zipSync({ 'ratings.txt': text(good) });
  add({
    id: 'zip-cut-mid-block',
    description: 'a zip that stops in the middle of its entry’s deflate data',
    files: [{ name: 'cut.zip', bytes: zip.slice(0, Math.floor(zip.length / 2)) }],
    expect: { kind: 'refused', message: /^cut\.zip/ },
  });
  add({
    id: 'block-without-rows',
    description: 'a file that ends right after a `MovieID:` header',
    files: [{ name: 'ends_on_header.txt', bytes: text(`${good}5:\n`) }],
    expect: { kind: 'loads', skips: 0, exact: true },
  });
  return cases;
}
