/**
 * Bytes → text for corpus files: strict UTF-8 (an invalid byte is reported with its line, never
 * replaced), a leading BOM dropped, CRLF and CR line endings turned into LF.
 */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export type Decoded = { ok: true; text: string } | { ok: false; line: number };

/** 1-based line of the first byte sequence that is not UTF-8. */
function invalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

export function decodeText(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: decoder.decode(bytes).replace(/\r\n?/g, '\n') };
  } catch {
    return { ok: false, line: invalidUtf8Line(bytes) };
  }
}
