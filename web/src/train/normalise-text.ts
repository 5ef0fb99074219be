// A student's own text made ready for the trainer, which reads words separated by spaces and one
// sentence per line: lower case, a new line at each . ! ? ; : and line break, and everything
// that is not a letter, digit or a hyphen or apostrophe inside a word removed.
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export function normaliseText(text: string): string {
  const lines: string[] = [];
  for (const sentence of text.toLocaleLowerCase('da').split(/[.!?;:\n\r]+/)) {
    const words = sentence.split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/[^\p{L}\p{N}'’-]/gu, ''))
      .filter(Boolean);
    if (words.length > 0) lines.push(words.join(' '));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

// The size of a text in UTF-8 bytes, without encoding it (for the 20 MB limit on pasted text).
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
