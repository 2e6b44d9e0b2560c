/**
 * Bytes → text for corpus files: strict UTF-8 (an invalid byte is reported with its line, never
 * replaced), a leading BOM dropped, CRLF and CR line endings turned into LF. NUL bytes are refused
 * too: valid UTF-8, but the mark of a UTF-16 file (without BOM) or of binary data.
 */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export type Decoded = { ok: true; text: string } | { ok: false; line: number; reason: string };

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
  let text: string;
  try {
    text = decoder.decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    return { ok: false, line: invalidUtf8Line(bytes), reason: 'invalid UTF-8; save the file as UTF-8' };
  }
  const nul = text.indexOf('\u0000');
  if (nul === -1) return { ok: true, text };
  const line = 1 + (text.slice(0, nul).match(/\n/g)?.length ?? 0);
  return { ok: false, line, reason: 'NUL bytes: a UTF-16 or binary file, not UTF-8 text; save it as UTF-8' };
}
