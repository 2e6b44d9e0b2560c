/**
 * Varints written into one growing byte array. Plain `number[]` buffers of tens of megabytes
 * are slow and memory-hungry, so bytes are flushed into typed chunks as they accumulate.
 */
import { writeVarint } from '../../src/search/compact/varint.ts';

const CHUNK_BYTES = 65536;

export class VarintWriter {
  #pending: number[] = [];
  readonly #chunks: Uint8Array[] = [];
  #flushed = 0;

  /** Bytes written so far: the offset the next value starts at. */
  get length(): number {
    return this.#flushed + this.#pending.length;
  }

  write(value: number): void {
    writeVarint(this.#pending, value);
    if (this.#pending.length > CHUNK_BYTES) this.#flush();
  }

  /** Everything written, as one array. */
  toBytes(): Uint8Array {
    this.#flush();
    const bytes = new Uint8Array(this.#flushed);
    let at = 0;
    for (const chunk of this.#chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  #flush(): void {
    this.#chunks.push(Uint8Array.from(this.#pending));
    this.#flushed += this.#pending.length;
    this.#pending = [];
  }
}
