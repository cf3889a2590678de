import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { RatingsData } from '../../src/stages/ingest/compute/ratings-table';
import {
  buildCompactWindows,
  expandSplit,
  type SplitName,
} from '../../src/stages/windows/compute/compact-windows';
import { idsNpy, npyHeader, unicodeNpy } from '../../src/stages/windows/compute/export-npy';
import {
  exportTooLarge,
  type WindowExportSource,
} from '../../src/stages/windows/compute/export-source';
import { csvField } from '../../src/lib/csv';
import {
  csvNumber,
  estimateWindowCsvBytes,
  windowCsvChunks,
} from '../../src/stages/windows/compute/export-windows-csv';
import {
  estimateWindowNpzBytes,
  windowNpzChunks,
} from '../../src/stages/windows/compute/export-windows-npz';
import { prepareSplit } from '../../src/stages/windows/compute/prepare-split';
import {
  featureNames,
  type FeatureOptions,
} from '../../src/stages/windows/compute/window-features';
import { day, generatedRatings, ratingsFromRows } from '../helpers/ratings-fixture';

/**
 * Two users, four movies (ids 17, 42, 5, 300 in clusters 1, 0, none, 2), windows of 3 steps, every window in
 * the training split. User 101 rates movies 300 and 17 on one day: the id breaks the tie, so 17 comes first.
 */
const tiny = ratingsFromRows(
  [
    [0, 0, 4, '2005-01-01'],
    [0, 1, 3, '2005-01-02'],
    [0, 2, 5, '2005-01-04'],
    [0, 3, 2, '2005-01-08'],
    [1, 3, 1, '2005-02-01'],
    [1, 0, 5, '2005-02-01'],
    [1, 1, 4, '2005-02-03'],
  ],
  2,
  4,
  [17, 42, 5, 300],
);
const TINY_CLUSTERS = Int32Array.of(1, 0, -1, 2);
const BOTH_EXTRAS: FeatureOptions = { clusters: 3, daysSincePrevious: true, movieMean: true };

function source(
  data: RatingsData,
  clusterOfMovie: Int32Array,
  options: FeatureOptions,
  split: SplitName,
  windowing = { steps: 3, stride: 1, maxPerUser: null as number | null },
  fractions = { valFraction: 0, testFraction: 0 },
): WindowExportSource {
  const { histories, split: windowSplit } = prepareSplit(data, windowing, {
    kind: 'chrono',
    seed: 3,
    ...fractions,
  });
  const windows = buildCompactWindows({
    table: data.table,
    histories,
    split: windowSplit,
    clusterOfMovie,
    options,
  });
  return {
    windows,
    split,
    featureNames: featureNames(options),
    userIds: data.userIds,
    movieIds: data.movieIds,
  };
}

const decoder = new TextDecoder();

function joined(chunks: Iterable<{ bytes: Uint8Array }>): Uint8Array {
  const parts = [...chunks].map((c) => c.bytes);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Byte-for-byte equality; vitest's toEqual walks large typed arrays element by element, slowly. */
function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

/** A .npy file's header text and data (a copy, aligned for typed-array views). */
function readNpy(bytes: Uint8Array): { header: string; data: ArrayBuffer } {
  const length = bytes[8] | (bytes[9] << 8);
  return {
    header: decoder.decode(bytes.subarray(10, 10 + length)),
    data: bytes.slice(10 + length).buffer,
  };
}

// What x holds for the three windows, step by step: one-hot cluster (3), rating (0 at the label), ln(1 + days
// since the previous rating), the movie's training mean. float32, hence toBeCloseTo below.
const LN2 = Math.log(2);
const LN3 = Math.log(3);
const LN5 = Math.log(5);
const TINY_X = [
  [
    [0, 1, 0, 4, 0, 4.5],
    [1, 0, 0, 3, LN2, 3.5],
    [0, 0, 0, 0, LN3, 5],
  ],
  [
    [1, 0, 0, 3, LN2, 3.5],
    [0, 0, 0, 5, LN3, 5],
    [0, 0, 1, 0, LN5, 1.5],
  ],
  [
    [0, 1, 0, 5, 0, 4.5],
    [0, 0, 1, 1, 0, 1.5],
    [1, 0, 0, 0, LN3, 3.5],
  ],
].flat(2);
const TINY_Y = [5, 2, 4];
const TINY_DATES = ['2005-01-04', '2005-01-08', '2005-02-03'];

/** numpy.load reads the archives back when Python with numpy is there; otherwise that check is skipped, saying why. */
const PYTHON = '/usr/bin/python3';
const hasNumpy = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn(`skipping the numpy.load check: ${PYTHON} with numpy is not available`);
    return false;
  }
})();

describe('windows as CSV', () => {
  it('write one row per window with every step’s movie id, date, cluster and rating, then the label', () => {
    const text = decoder.decode(
      joined(windowCsvChunks(source(tiny, TINY_CLUSTERS, BOTH_EXTRAS, 'train'))),
    );
    const step = (s: number) =>
      `s${s}_movie_id,s${s}_date,s${s}_cluster,s${s}_rating,s${s}_days_gap_log1p,s${s}_movie_mean`;
    // Clusters are numbered from 1 in the file, as in every cell (movie 17 is index 1, 42 is 0, 300 is 2).
    expect(text).toBe(
      [
        `split,user_id,${step(1)},${step(2)},${step(3)},label`,
        'train,100,17,2005-01-01,2,4,0,4.5,42,2005-01-02,1,3,0.693147,3.5,5,2005-01-04,,,1.09861,5,5',
        'train,100,42,2005-01-02,1,3,0.693147,3.5,5,2005-01-04,,5,1.09861,5,300,2005-01-08,3,,1.60944,1.5,2',
        'train,101,17,2005-02-01,2,5,0,4.5,300,2005-02-01,3,1,0,1.5,42,2005-02-03,1,,1.09861,3.5,4',
        '',
      ].join('\n'),
    );
  });

  it('leave out the optional columns when those features are off, and write only the header for no windows', () => {
    const plain = { clusters: 3, daysSincePrevious: false, movieMean: false };
    const text = decoder.decode(
      joined(windowCsvChunks(source(tiny, TINY_CLUSTERS, plain, 'train'))),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'split,user_id,s1_movie_id,s1_date,s1_cluster,s1_rating,s2_movie_id,s2_date,s2_cluster,s2_rating,' +
        's3_movie_id,s3_date,s3_cluster,s3_rating,label',
    );
    // Clusters numbered from 1, as the cells show them (indices 1, 2 and 0 here).
    expect(lines[3]).toBe('train,101,17,2005-02-01,2,5,300,2005-02-01,3,1,42,2005-02-03,1,,4');
    const empty = decoder.decode(
      joined(windowCsvChunks(source(tiny, TINY_CLUSTERS, plain, 'test'))),
    );
    expect(empty.split('\n')).toEqual([lines[0], '']);
  });

  it('quote fields that need it and keep numbers short', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('plain')).toBe('plain');
    expect(csvNumber(3)).toBe('3');
    expect(csvNumber(Math.fround(3.5))).toBe('3.5');
    expect(csvNumber(Math.fround(Math.log(2)))).toBe('0.693147');
  });

  it('come out the same in small chunks, with progress that only grows, and match the estimate', () => {
    const data = generatedRatings();
    const clusters = Int32Array.from({ length: data.movieIds.ids.length }, (_, m) => m % 5);
    const big = source(
      data,
      clusters,
      { clusters: 5, daysSincePrevious: true, movieMean: false },
      'train',
      { steps: 6, stride: 1, maxPerUser: null },
      { valFraction: 0.1, testFraction: 0.1 },
    );
    const whole = [...windowCsvChunks(big)];
    expect(whole).toHaveLength(1);
    const chunks = [...windowCsvChunks(big, 4096)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(sameBytes(joined(chunks), whole[0].bytes)).toBe(true);
    const done = chunks.map((c) => c.windowsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(big.windows.train.length);
    expect(decoder.decode(whole[0].bytes).trimEnd().split('\n')).toHaveLength(
      big.windows.train.length + 1,
    );
    const estimate = estimateWindowCsvBytes(big);
    expect(Math.abs(estimate - whole[0].bytes.length) / whole[0].bytes.length).toBeLessThan(0.05);
  });
});

describe('windows as NumPy .npz', () => {
  it('write .npy headers NumPy reads: magic, version 1.0, padded to 64 bytes', () => {
    const header = npyHeader('<f4', [3, 10, 21]);
    expect(header.length % 64).toBe(0);
    expect(Array.from(header.subarray(0, 8))).toEqual([0x93, 78, 85, 77, 80, 89, 1, 0]);
    expect(readNpy(header).header).toMatch(
      /^\{'descr': '<f4', 'fortran_order': False, 'shape': \(3, 10, 21\), \} *\n$/,
    );
    expect(readNpy(npyHeader('<i8', [5])).header).toContain("'shape': (5,)");
    expect(() => npyHeader('<f4', [-1])).toThrow(/whole number/);
  });

  it('write ids as int64, or as fixed-width unicode when they are text', () => {
    const ints = idsNpy({ kind: 'int', ids: Float64Array.of(7, 2_649_429) }, [1, 0, 1]);
    expect(ints.descr).toBe('<i8');
    expect(Array.from(new BigInt64Array(ints.data.slice().buffer))).toEqual([
      2_649_429n,
      7n,
      2_649_429n,
    ]);
    const texts = unicodeNpy(['ab', 'é']);
    expect(texts.descr).toBe('<U2');
    expect(Array.from(new Uint32Array(texts.data.slice().buffer))).toEqual([97, 98, 0xe9, 0]);
  });

  it('hold x, y, ids, dates and feature names exactly as the windows give them', () => {
    const tinySource = source(tiny, TINY_CLUSTERS, BOTH_EXTRAS, 'train');
    const files = unzipSync(joined(windowNpzChunks(tinySource)));
    expect(Object.keys(files)).toEqual([
      'x.npy',
      'y.npy',
      'user_id.npy',
      'movie_id.npy',
      'date.npy',
      'feature_names.npy',
    ]);
    const x = readNpy(files['x.npy']);
    expect(x.header).toContain("'descr': '<f4'");
    expect(x.header).toContain("'shape': (3, 3, 6)");
    const values = Array.from(new Float32Array(x.data));
    expect(values).toHaveLength(TINY_X.length);
    values.forEach((v, i) => expect(v).toBeCloseTo(TINY_X[i], 6));
    expect(Array.from(new Float32Array(readNpy(files['y.npy']).data))).toEqual(TINY_Y);
    expect(Array.from(new BigInt64Array(readNpy(files['user_id.npy']).data))).toEqual([
      100n,
      100n,
      101n,
    ]);
    expect(Array.from(new BigInt64Array(readNpy(files['movie_id.npy']).data))).toEqual([
      5n,
      300n,
      42n,
    ]);
    const date = readNpy(files['date.npy']);
    expect(date.header).toContain("'descr': '<M8[D]'");
    expect(Array.from(new BigInt64Array(date.data), Number)).toEqual(TINY_DATES.map(day));
    expect(readNpy(files['feature_names.npy']).header).toContain("'descr': '<U27'");
  });

  it('stream x in chunks that add up to the dense windows, close to the estimated size', () => {
    const data = generatedRatings();
    const clusters = Int32Array.from({ length: data.movieIds.ids.length }, (_, m) => m % 4);
    const big = source(
      data,
      clusters,
      { clusters: 4, daysSincePrevious: false, movieMean: true },
      'validation',
      { steps: 5, stride: 2, maxPerUser: 20 },
      { valFraction: 0.3, testFraction: 0.1 },
    );
    const chunks = [...windowNpzChunks(big, 2000)];
    expect(chunks.length).toBeGreaterThan(5);
    const archive = joined(chunks);
    expect(sameBytes(joined(windowNpzChunks(big)), archive)).toBe(true); // however it is chunked
    const dense = expandSplit(big.windows, 'validation');
    const files = unzipSync(archive);
    expect(sameBytes(new Float32Array(readNpy(files['x.npy']).data), dense.x)).toBe(true);
    expect(sameBytes(new Float32Array(readNpy(files['y.npy']).data), dense.y)).toBe(true);
    expect(dense.x.length).toBe(dense.count * 5 * 6);
    expect(Math.abs(estimateWindowNpzBytes(big) - archive.length)).toBeLessThan(1024);
  });

  it('refuse downloads above 1 GiB with a way out', () => {
    expect(exportTooLarge(2 ** 30, 'x')).toBeNull();
    expect(exportTooLarge(3 * 2 ** 30, 'The training windows as CSV')).toMatch(
      /^The training windows as CSV would take about 3\.0 GiB, above the 1 GiB download limit: cap the windows per user/,
    );
  });

  it.skipIf(!hasNumpy)('open with numpy.load, values and all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prize-lab-npz-'));
    try {
      const path = join(dir, 'windows.npz');
      writeFileSync(
        path,
        joined(windowNpzChunks(source(tiny, TINY_CLUSTERS, BOTH_EXTRAS, 'train'))),
      );
      const script = [
        'import json, sys, numpy as np',
        'z = np.load(sys.argv[1])',
        'print(json.dumps({',
        '  "files": sorted(z.files), "x_shape": list(z["x"].shape), "x_dtype": str(z["x"].dtype),',
        '  "x": z["x"].astype(float).ravel().tolist(), "y": z["y"].tolist(),',
        '  "user_id": z["user_id"].tolist(), "movie_id": z["movie_id"].tolist(),',
        '  "date": [str(d) for d in z["date"]], "feature_names": [str(n) for n in z["feature_names"]],',
        '}))',
      ].join('\n');
      const out = JSON.parse(execFileSync(PYTHON, ['-c', script, path]).toString()) as Record<
        string,
        unknown
      >;
      expect(out.files).toEqual(['date', 'feature_names', 'movie_id', 'user_id', 'x', 'y']);
      expect(out.x_shape).toEqual([3, 3, 6]);
      expect(out.x_dtype).toBe('float32');
      (out.x as number[]).forEach((v, i) => expect(v).toBeCloseTo(TINY_X[i], 6));
      expect(out.y).toEqual(TINY_Y);
      expect(out.user_id).toEqual([100, 100, 101]);
      expect(out.movie_id).toEqual([5, 300, 42]);
      expect(out.date).toEqual(TINY_DATES);
      expect(out.feature_names).toEqual(featureNames(BOTH_EXTRAS));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
