// Bytes → text: UTF-8 (with or without BOM) is the main case; bytes that are not valid UTF-8 are
// read as windows-1252, which Danish Excel on Windows uses for "CSV (semikolonsepareret)".
import { fail, ok, type Result } from './result.ts';

const SNIFF_BYTES = 8192;          // enough of the start of a file to tell text from binary
const MAX_CONTROL_SHARE = 0.1;     // text has almost no control characters besides tab and line ends

// Signatures of common non-text files, for those whose first bytes happen to have no NUL.
const MAGIC: readonly number[][] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d],  // %PDF-
  [0x89, 0x50, 0x4e, 0x47],        // PNG
  [0x47, 0x49, 0x46, 0x38],        // GIF8
  [0xff, 0xd8, 0xff],              // JPEG
];

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

// True for pictures, PDFs and other binary files: a known signature, a NUL byte, or many control
// characters at the start.
export function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((magic) => startsWith(bytes, magic))) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if ((b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 127) control++;
  }
  return control > n * MAX_CONTROL_SHARE;
}

export function decodeText(bytes: Uint8Array): Result<string> {
  // UTF-16 with a BOM is what Excel's "Unicode-tekst" saves; its NUL bytes are not binary.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return ok(new TextDecoder(encoding, { fatal: true }).decode(bytes));
    } catch {
      return fail({ code: 'binary' });
    }
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return fail({ code: 'binary' });
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body));
  } catch {
    return ok(new TextDecoder('windows-1252').decode(body));
  }
}
