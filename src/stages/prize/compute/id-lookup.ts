import type { IdList } from '../../ingest/compute/id-index';

/**
 * Finds the dense index of an external id in a loaded dataset's id list without adding it (probe and
 * qualifying files name customers and movies that must already be in the training files). Integer ids use a
 * direct table (Netflix customer ids reach 2,649,429: 10 MB), text ids a Map.
 */
export class IdLookup {
  private readonly direct: Int32Array | null;
  private readonly byKey: Map<string, number> | null;

  constructor(list: IdList) {
    if (list.kind === 'int') {
      let max = -1;
      for (let k = 0; k < list.ids.length; k++) if (list.ids[k] > max) max = list.ids[k];
      this.direct = new Int32Array(max + 1).fill(-1);
      for (let k = 0; k < list.ids.length; k++) this.direct[list.ids[k]] = k;
      this.byKey = null;
    } else {
      this.direct = null;
      this.byKey = new Map(list.ids.map((id, k) => [id, k]));
    }
  }

  /** Index of a whole-number id, or −1 when the dataset has no such id. */
  indexOf(id: number): number {
    if (this.direct) return id < this.direct.length ? this.direct[id] : -1;
    return this.byKey!.get(String(id)) ?? -1;
  }
}
