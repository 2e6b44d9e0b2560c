/**
 * Opens a compact index file: parses the small JSON header and makes typed-array views over
 * the sections. Nothing is copied or decoded here; that is the point.
 */
import { BYTE_ORDER_PROBE, SECTION_TYPES, type CompactHeader, type SectionName, type SectionRef } from './layout.ts';

export class CompactFormatError extends Error {
  override name = 'CompactFormatError';
}

type View<N extends SectionName> = (typeof SECTION_TYPES)[N] extends 'u8' ? Uint8Array : (typeof SECTION_TYPES)[N] extends 'u16' ? Uint16Array : Uint32Array;

export type Sections = { [N in SectionName]: View<N> };

export interface CompactBlob {
  header: CompactHeader;
  sections: Sections;
}

function view(buffer: ArrayBuffer, base: number, name: SectionName, ref: SectionRef | undefined): Uint8Array | Uint16Array | Uint32Array {
  if (ref === undefined) throw new CompactFormatError(`index: section ${name} is missing; run npm run build-index`);
  const offset = base + ref.offset;
  if (offset + ref.byteLength > buffer.byteLength) throw new CompactFormatError(`index: section ${name} runs past the end of the file`);
  switch (SECTION_TYPES[name]) {
    case 'u8':
      return new Uint8Array(buffer, offset, ref.byteLength);
    case 'u16':
      return new Uint16Array(buffer, offset, ref.byteLength / 2);
    case 'u32':
      return new Uint32Array(buffer, offset, ref.byteLength / 4);
  }
}

/** `bytes` may be a whole ArrayBuffer (a Data module) or a Node Buffer's slice of one. */
export function readBlob(bytes: ArrayBuffer | Uint8Array): CompactBlob {
  // Typed-array views need aligned offsets; a pooled Node Buffer may start anywhere, so copy it then.
  const aligned = bytes instanceof Uint8Array && bytes.byteOffset % 8 !== 0 ? bytes.slice() : bytes;
  const buffer = aligned instanceof Uint8Array ? (aligned.buffer as ArrayBuffer) : aligned;
  const base = aligned instanceof Uint8Array ? aligned.byteOffset : 0;
  const length = bytes.byteLength;
  if (length < 4) throw new CompactFormatError('index: file too short');
  const headerLength = new DataView(buffer, base, 4).getUint32(0, true);
  if (4 + headerLength > length) throw new CompactFormatError('index: header runs past the end of the file');
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, base + 4, headerLength))) as CompactHeader;
  const sections = {} as Record<SectionName, Uint8Array | Uint16Array | Uint32Array>;
  for (const name of Object.keys(SECTION_TYPES) as SectionName[]) sections[name] = view(buffer, base, name, header.sections[name]);
  if (sections.byteOrder[0] !== BYTE_ORDER_PROBE) throw new CompactFormatError('index: written on a machine of another byte order');
  return { header, sections: sections as Sections };
}
