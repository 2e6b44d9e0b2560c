import { closeSync, openSync, readSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEADER_BYTES, nativePlatforms } from '../../scripts/native-binary.ts';

function bytes(length: number, write: (view: DataView) => void): Uint8Array {
  const buffer = new Uint8Array(length);
  write(new DataView(buffer.buffer));
  return buffer;
}

describe('nativePlatforms (check:platforms)', () => {
  it('reads the running node binary as this machine’s platform', () => {
    const buffer = new Uint8Array(HEADER_BYTES);
    const fd = openSync(process.execPath, 'r');
    const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    closeSync(fd);
    const expected = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform as string];
    expect(nativePlatforms(buffer.subarray(0, read))).toEqual([{ os: expected, cpu: process.arch }]);
  });

  it('reads an ELF aarch64 header as linux-arm64', () => {
    const elf = bytes(64, (v) => {
      v.setUint32(0, 0x7f454c46);
      v.setUint8(5, 1);
      v.setUint16(18, 0xb7, true);
    });
    expect(nativePlatforms(elf)).toEqual([{ os: 'linux', cpu: 'arm64' }]);
  });

  it('reads a 64-bit Mach-O arm64 header as darwin-arm64', () => {
    const macho = bytes(32, (v) => {
      v.setUint32(0, 0xfeedfacf, true);
      v.setUint32(4, 0x0100000c, true);
    });
    expect(nativePlatforms(macho)).toEqual([{ os: 'darwin', cpu: 'arm64' }]);
  });

  it('lists every architecture of a universal Mach-O', () => {
    const fat = bytes(48, (v) => {
      v.setUint32(0, 0xcafebabe);
      v.setUint32(4, 2);
      v.setUint32(8, 0x01000007);
      v.setUint32(28, 0x0100000c);
    });
    expect(nativePlatforms(fat)).toEqual([
      { os: 'darwin', cpu: 'x64' },
      { os: 'darwin', cpu: 'arm64' },
    ]);
  });

  it('reads a PE x64 header as win32-x64', () => {
    const pe = bytes(256, (v) => {
      v.setUint16(0, 0x4d5a);
      v.setUint32(0x3c, 0x80, true);
      v.setUint32(0x80, 0x50450000);
      v.setUint16(0x84, 0x8664, true);
    });
    expect(nativePlatforms(pe)).toEqual([{ os: 'win32', cpu: 'x64' }]);
  });

  it('does not take a Java class file, a script or wasm for a native binary', () => {
    const javaClass = bytes(64, (v) => {
      v.setUint32(0, 0xcafebabe);
      v.setUint32(4, 0x00000041);
    });
    expect(nativePlatforms(javaClass)).toEqual([]);
    expect(nativePlatforms(new TextEncoder().encode('#!/usr/bin/env node\nconsole.log(1)\n'))).toEqual([]);
    expect(nativePlatforms(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).toEqual([]);
    expect(nativePlatforms(new TextEncoder().encode('MZ but not a PE file, just text that starts with MZ and goes on for a while'))).toEqual([]);
  });
});
