/** What the write routes need of the live set: the store behind it, and whether the embedded index holds an id. */
import type { LiveChange, WriteOperation, WriteResult } from './protocol.ts';
import type { LiveSet, LiveStoreClient } from './live-set.ts';

export interface LiveWriter {
  inBase(id: string): boolean;
  /** Acknowledged once committed; the isolate's next search sees it. */
  write(operations: WriteOperation[]): Promise<WriteResult[]>;
  exportAll(): Promise<{ epoch: string; sequence: number; entries: LiveChange[] }>;
}

export function liveWriter(set: LiveSet, store: LiveStoreClient): LiveWriter {
  return {
    inBase: (id) => set.inBase(id),
    write: (operations) => set.write(store, operations),
    exportAll: () => set.exportAll(store),
  };
}
