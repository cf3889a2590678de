import { describe, expect, it } from 'vitest';
import { RatingsBuilder } from '../../src/stages/ingest/compute/ratings-builder';
import { releasableBuffer, releaseBuffer } from '../../src/stages/ingest/compute/releasable-buffer';

describe('releasable buffers', () => {
  it('are zero-filled, writable, and empty once released', () => {
    const buffer = releasableBuffer(64);
    const view = new Uint32Array(buffer);
    expect(view.length).toBe(16);
    expect(view.every((x) => x === 0)).toBe(true);
    view[3] = 7;
    expect(view[3]).toBe(7);
    releaseBuffer(buffer);
    expect(buffer.byteLength).toBe(0);
    expect(view.length).toBe(0);
  });

  it('leave the builder with exact-length ordinary columns holding every row across chunks', () => {
    const builder = new RatingsBuilder();
    const rows = (1 << 16) + 5; // one full chunk and a few rows of the next
    const code = builder.codeOf(3);
    for (let i = 0; i < rows; i++) builder.add(i % 1000, i % 7, code, i % 5000);
    const table = builder.finish();
    for (const column of [table.user, table.movie, table.code, table.day]) {
      expect(column.length).toBe(rows);
      expect(column.byteLength).toBe(column.buffer.byteLength);
      expect((column.buffer as ArrayBuffer & { resizable?: boolean }).resizable ?? false).toBe(
        false,
      );
    }
    const last = rows - 1;
    expect([table.user[last], table.movie[last], table.code[last], table.day[last]]).toEqual([
      last % 1000,
      last % 7,
      0,
      last % 5000,
    ]);
    expect(table.user[1 << 16]).toBe((1 << 16) % 1000);
  });
});
