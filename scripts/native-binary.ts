/**
 * Which platform a native executable or library is for, from its header: ELF (Linux), Mach-O
 * (macOS, universal files included) or PE (Windows). Anything else (scripts, wasm, data) is null.
 */

export interface NativePlatform {
  /** `process.platform` spelling: linux, darwin, win32. */
  os: string;
  /** `process.arch` spelling: x64, arm64, ia32, arm, …; `machine-0x…` when unknown. */
  cpu: string;
}

/** Bytes needed from the start of a file (a PE header is found through its offset at 0x3c). */
export const HEADER_BYTES = 4096;

const ELF_MACHINES: Record<number, string> = {
  0x03: 'ia32',
  0x28: 'arm',
  0x3e: 'x64',
  0xb7: 'arm64',
  0xf3: 'riscv64',
  0x08: 'mips',
  0x15: 'ppc64',
  0x16: 's390x',
  0x102: 'loong64',
};
const MACHO_CPUS: Record<number, string> = { 0x7: 'ia32', 0x01000007: 'x64', 0xc: 'arm', 0x0100000c: 'arm64' };
const PE_MACHINES: Record<number, string> = { 0x14c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64', 0x1c4: 'arm' };

const name = (table: Record<number, string>, code: number): string => table[code] ?? `machine-0x${code.toString(16)}`;

/** The platforms a file is built for: one, several for a universal Mach-O, none when it is not native. */
export function nativePlatforms(header: Uint8Array): NativePlatform[] {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length >= 20 && view.getUint32(0) === 0x7f454c46) {
    const littleEndian = header[5] === 1;
    return [{ os: 'linux', cpu: name(ELF_MACHINES, view.getUint16(18, littleEndian)) }];
  }
  if (header.length >= 8) {
    const magic = view.getUint32(0, true);
    if (magic === 0xfeedface || magic === 0xfeedfacf) return [{ os: 'darwin', cpu: name(MACHO_CPUS, view.getUint32(4, true)) }];
    // Universal (fat) Mach-O, big-endian. Java class files share the magic; their next word is a
    // version (45 or more), a fat file's is its number of architectures (a handful).
    if (view.getUint32(0) === 0xcafebabe) {
      const count = view.getUint32(4);
      if (count === 0 || count > 20 || header.length < 8 + count * 20) return [];
      return Array.from({ length: count }, (_, i) => ({ os: 'darwin', cpu: name(MACHO_CPUS, view.getUint32(8 + i * 20)) }));
    }
  }
  if (header.length >= 0x40 && header[0] === 0x4d && header[1] === 0x5a) {
    const pe = view.getUint32(0x3c, true);
    if (pe + 6 <= header.length && view.getUint32(pe) === 0x50450000) return [{ os: 'win32', cpu: name(PE_MACHINES, view.getUint16(pe + 4, true)) }];
  }
  return [];
}
