/**
 * Assigns dense indices (0, 1, 2, …) to external ids in order of first appearance. Integer ids, the hot path
 * (Netflix customer ids go up to 2,649,429), use a direct lookup table; other ids use a Map.
 */
export type IdList = { kind: 'int'; ids: Float64Array } | { kind: 'text'; ids: string[] };

const DIRECT_TABLE_LIMIT = 1 << 23;

export class IdIndex {
  /** index + 1 for each integer id below the table's length; 0 means unseen. */
  private table = new Int32Array(1 << 12);
  private readonly bigInts = new Map<number, number>();
  private readonly texts = new Map<string, number>();
  private intIds: number[] = [];
  private textIds: string[] | null = null;

  get size(): number {
    return this.textIds ? this.textIds.length : this.intIds.length;
  }

  /** Index of a non-negative integer id, assigning the next index if the id is new. */
  indexOfInt(id: number): number {
    if (this.textIds) return this.indexOfText(String(id));
    if (id < this.table.length) {
      const slot = this.table[id];
      if (slot !== 0) return slot - 1;
    } else if (id < DIRECT_TABLE_LIMIT) {
      let length = this.table.length;
      while (length <= id) length *= 2;
      const grown = new Int32Array(length);
      grown.set(this.table);
      this.table = grown;
    } else {
      const known = this.bigInts.get(id);
      if (known !== undefined) return known;
      const index = this.intIds.length;
      this.bigInts.set(id, index);
      this.intIds.push(id);
      return index;
    }
    const index = this.intIds.length;
    this.table[id] = index + 1;
    this.intIds.push(id);
    return index;
  }

  /** Index of any id; an id that is a plain non-negative integer shares the integer path. */
  indexOfKey(key: string): number {
    if (!this.textIds && /^\d{1,15}$/.test(key)) return this.indexOfInt(Number(key));
    return this.indexOfText(key);
  }

  private indexOfText(key: string): number {
    if (!this.textIds) this.switchToText();
    const known = this.texts.get(key);
    if (known !== undefined) return known;
    const index = this.textIds!.length;
    this.texts.set(key, index);
    this.textIds!.push(key);
    return index;
  }

  /** Once a non-integer id appears, every id becomes text so that one list can hold them all. */
  private switchToText(): void {
    this.textIds = this.intIds.map(String);
    this.textIds.forEach((key, index) => this.texts.set(key, index));
    this.intIds = [];
    this.table = new Int32Array(0);
    this.bigInts.clear();
  }

  toIdList(): IdList {
    return this.textIds
      ? { kind: 'text', ids: this.textIds.slice() }
      : { kind: 'int', ids: Float64Array.from(this.intIds) };
  }
}

export function idAt(list: IdList, index: number): string {
  return list.kind === 'int' ? String(list.ids[index]) : list.ids[index];
}

export function idCount(list: IdList): number {
  return list.ids.length;
}

/** Orders two ids as numbers when both lists are numeric, else as text; used to break ties. */
export function compareIds(list: IdList, a: number, b: number): number {
  if (list.kind === 'int') return list.ids[a] - list.ids[b];
  const x = list.ids[a];
  const y = list.ids[b];
  return x < y ? -1 : x > y ? 1 : 0;
}
