/**
 * Lays out the compact index file (see src/search/compact/layout.ts): header length, JSON
 * header, then each section on an 8-byte boundary.
 */
import { BYTE_ORDER_PROBE, SECTION_ALIGNMENT, SECTION_TYPES, type CompactHeader, type SectionName, type SectionRef } from '../../src/search/compact/layout.ts';

export type SectionData = { [N in SectionName]: Uint8Array | Uint16Array | Uint32Array };

const align = (n: number): number => Math.ceil(n / SECTION_ALIGNMENT) * SECTION_ALIGNMENT;

export function writeBlob(header: Omit<CompactHeader, 'sections'>, data: Omit<SectionData, 'byteOrder'>): Uint8Array {
  const all: SectionData = { ...data, byteOrder: new Uint32Array([BYTE_ORDER_PROBE]) };
  const names = Object.keys(SECTION_TYPES) as SectionName[];
  // Offsets are relative to the end of the header, so they do not depend on the header's own length.
  const relative = {} as Record<SectionName, SectionRef>;
  let size = 0;
  for (const name of names) {
    relative[name] = { offset: size, byteLength: all[name].byteLength };
    size = align(size + all[name].byteLength);
  }
  // The header's length depends on the offsets and the offsets on the header's length; two
  // passes settle it, since the second only adds digits the padding absorbs or not.
  let headerBytes = new Uint8Array(0);
  let base = 0;
  for (let pass = 0; pass < 3; pass++) {
    const sections = {} as Record<SectionName, SectionRef>;
    for (const name of names) sections[name] = { offset: base + relative[name].offset, byteLength: relative[name].byteLength };
    headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, sections }));
    const nextBase = align(4 + headerBytes.length);
    if (nextBase === base) break;
    base = nextBase;
  }
  const out = new Uint8Array(base + size);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 4);
  for (const name of names) {
    const section = all[name];
    out.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), base + relative[name].offset);
  }
  return out;
}
