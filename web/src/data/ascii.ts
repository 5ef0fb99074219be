// Plain ASCII bytes ↔ strings without TextEncoder/TextDecoder. Each call of those leaves a few
// browser objects behind (options, results, array views) that only a full collection frees: a
// 100 000-row table read three times piled up tens of megabytes of them. These leave the string.

const CHUNK = 4096;  // String.fromCharCode's argument list stays well inside every engine's limit

// True when bytes[from … to) are all below 0x80.
export function isAscii(bytes: Uint8Array, from = 0, to = bytes.length): boolean {
  for (let i = from; i < to; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

// The text of ASCII bytes (the caller has checked them with isAscii).
export function asciiText(bytes: Uint8Array, from = 0, to = bytes.length): string {
  if (to - from <= CHUNK) return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
  let text = '';
  for (let i = from; i < to; i += CHUNK) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[]);
  }
  return text;
}

// Writes an ASCII text into bytes at `at`: the number of bytes written, or −1 when a character is
// not ASCII or the text does not fit (nothing useful written; the caller encodes it another way).
export function writeAscii(text: string, bytes: Uint8Array, at: number): number {
  if (at + text.length > bytes.length) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return -1;
    bytes[at + i] = c;
  }
  return text.length;
}

