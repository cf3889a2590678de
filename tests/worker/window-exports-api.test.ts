import { describe, expect, it } from 'vitest';
import type { RunId } from '../../src/lib/ids';
import { buildCompactWindows } from '../../src/stages/windows/compute/compact-windows';
import { windowNpzChunks } from '../../src/stages/windows/compute/export-windows-npz';
import { prepareSplit } from '../../src/stages/windows/compute/prepare-split';
import { featureNames } from '../../src/stages/windows/compute/window-features';
import type { WindowsExportPiece, WindowsId } from '../../src/stages/windows/contract';
import { createWindowsExportApi } from '../../src/stages/windows/worker/windows-export-api';
import { dataWorkerState } from '../helpers/data-worker-fixture';
import { generatedRatings } from '../helpers/ratings-fixture';

/** The data worker's windows of a generated subset, held as the Sequences cell holds them. */
function heldWindows() {
  const state = dataWorkerState();
  const { datasets: registry, windows } = state;
  const data = generatedRatings({ users: 400, meanRatingsPerUser: 60 });
  const subsetId = registry.newId('subset');
  const parentId = registry.newId('data');
  const identity = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);
  registry.add({
    id: subsetId,
    data,
    source: { kind: 'sample' },
    parent: {
      id: parentId,
      user: identity(data.userIds.ids.length),
      movie: identity(data.movieIds.ids.length),
    },
  });
  const prepared = prepareSplit(
    data,
    { steps: 10, stride: 1, maxPerUser: null },
    { kind: 'chrono', valFraction: 0.1, testFraction: 0.1, seed: 5 },
  );
  const options = { clusters: 20, daysSincePrevious: false, movieMean: false };
  const clusterOfMovie = Int32Array.from({ length: data.movieIds.ids.length }, (_, m) => m % 20);
  const compact = buildCompactWindows({ table: data.table, ...prepared, clusterOfMovie, options });
  const id = windows.newId();
  windows.hold(
    {
      id,
      subsetId,
      clustering: { subsetId, k: 20, runId: 'run-1' as RunId },
      clusterOfMovie,
      prepared,
      compact,
      ratingModels: new Map(),
    },
    registry.ids(),
  );
  const expected = [
    ...windowNpzChunks({
      windows: compact,
      split: 'train',
      featureNames: featureNames(options),
      userIds: data.userIds,
      movieIds: data.movieIds,
    }),
  ];
  return {
    api: createWindowsExportApi(state),
    id,
    expected,
    trainWindows: compact.train.length,
  };
}

describe('the data worker’s window downloads', () => {
  it('hand over a split a transferred chunk at a time, with progress, then say it is done', () => {
    const { api, id, expected, trainWindows } = heldWindows();
    const started = api.startWindowsExport({ windowsId: id, split: 'train', format: 'npz' });
    expect(started.fileName).toBe('prize-lab-windows-train-w10-k20.npz');
    expect(started.mimeType).toBe('application/zip');
    expect(started.windows).toBe(trainWindows);
    const pieces: Extract<WindowsExportPiece, { kind: 'bytes' }>[] = [];
    for (;;) {
      const piece = api.nextWindowsExportChunk(started.exportId);
      if (piece.kind === 'done') break;
      expect(piece.bytes).toBeInstanceOf(ArrayBuffer);
      pieces.push(piece);
    }
    expect(pieces.length).toBe(expected.length);
    expect(pieces.length).toBeGreaterThan(1); // x is over 4 MiB, one chunk's worth
    pieces.forEach((piece, i) =>
      expect(Buffer.from(piece.bytes).equals(Buffer.from(expected[i].bytes))).toBe(true),
    );
    expect(pieces.at(-1)?.windowsDone).toBe(trainWindows);
    const total = pieces.reduce((sum, p) => sum + p.bytes.byteLength, 0);
    expect(Math.abs(total - started.bytes)).toBeLessThan(1024);
  });

  it('end an unfinished download when another starts or it is cancelled', () => {
    const { api, id } = heldWindows();
    const first = api.startWindowsExport({ windowsId: id, split: 'test', format: 'npz' });
    expect(first.fileName).toBe('prize-lab-windows-test-w10-k20.npz');
    expect(api.nextWindowsExportChunk(first.exportId).kind).toBe('bytes');
    const second = api.startWindowsExport({ windowsId: id, split: 'validation', format: 'csv' });
    expect(() => api.nextWindowsExportChunk(first.exportId)).toThrow(/start it again/);
    api.cancelWindowsExport(second.exportId);
    expect(() => api.nextWindowsExportChunk(second.exportId)).toThrow(/cancelled/);
    expect(() =>
      api.startWindowsExport({ windowsId: 'windows-0' as WindowsId, split: 'test', format: 'csv' }),
    ).toThrow(/Sequences cell again/);
  });
});
