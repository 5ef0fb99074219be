// How much own text a page reads: at most 20 MB of UTF-8 (normalised in the core, as
// w2v train --normalise does).
import { MEGABYTE } from './limits.ts';

export const MAX_TEXT_BYTES = 20 * MEGABYTE;

// The size of a text in UTF-8 bytes, without encoding it (for the limit on pasted text).
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
