// A text file judged by its start (encoding, binary, mostly not letters) and handed on in pieces
// as UTF-8, whatever the pieces cut.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filePieces, inspectTextHead, Utf8Pieces, type TextEncodingName } from '../../web/src/data/text-file.ts';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));  // = windows-1252 for these letters

test('a Danish UTF-8 text is UTF-8 with its start shown; a cut character at the end of a head is no error', () => {
  const text = 'Hunden sover på gården. Æbler og øl!';
  const head = inspectTextHead(utf8(text), true);
  assert.ok(head.ok);
  assert.equal(head.value.encoding, 'utf-8');
  assert.equal(head.value.preview, text);
  assert.equal(head.value.whole, true);  // 36 characters of a complete file
  // "ø" is two bytes; the head ends after the first of them
  const bytes = utf8('Hunden sover på gården ø');
  const cut = inspectTextHead(bytes.subarray(0, bytes.length - 1), false);
  assert.ok(cut.ok);
  assert.equal(cut.value.encoding, 'utf-8');
  assert.equal(cut.value.whole, false);  // a head of a longer file
});

test('bytes that are not UTF-8 are windows-1252 (Danish Windows), and a UTF-16 BOM is UTF-16', () => {
  const old = inspectTextHead(latin1('Æbler og øl på gården'), true);
  assert.ok(old.ok);
  assert.equal(old.value.encoding, 'windows-1252');
  assert.equal(old.value.preview, 'Æbler og øl på gården');
  const le = inspectTextHead(new Uint8Array([0xff, 0xfe, ...Buffer.from('hej med dig', 'utf16le')]), true);
  assert.ok(le.ok);
  assert.equal(le.value.encoding, 'utf-16le');
  assert.equal(le.value.preview, 'hej med dig');
});

test('letters counted among the characters that are not white space: 50 % passes, less is refused with the share', () => {
  // "ab 12": 2 letters of 4 visible characters
  const half = inspectTextHead(utf8('ab 12'), true);
  assert.ok(half.ok);
  assert.equal(half.value.letterShare, 0.5);
  // "a 1;2,3": 1 letter of 6 visible characters
  const numbers = inspectTextHead(utf8('a 1;2,3'), true);
  assert.deepEqual(numbers, { ok: false, problem: { code: 'not_letters', share: 1 / 6 } });
  assert.deepEqual(inspectTextHead(utf8(' \n\t '), true), { ok: false, problem: { code: 'empty' } });
});

test('a picture, a PDF or a file with NUL bytes is binary', () => {
  assert.deepEqual(inspectTextHead(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), true), { ok: false, problem: { code: 'binary' } });
  assert.deepEqual(inspectTextHead(utf8('%PDF-1.7 hej'), true), { ok: false, problem: { code: 'binary' } });
  assert.deepEqual(inspectTextHead(new Uint8Array([0x68, 0x65, 0x00, 0x6a]), true), { ok: false, problem: { code: 'binary' } });
});

// The pieces joined must be the text's UTF-8, without a BOM, for every cut.
function joined(bytes: Uint8Array, encoding: TextEncodingName, size: number): string {
  const pieces = new Utf8Pieces(encoding);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length || i === 0; i += size) out.push(pieces.next(bytes.subarray(i, i + size), i + size >= bytes.length));
  return Buffer.concat(out).toString('utf8');
}

test('pieces of any size come out as the same UTF-8 text, a BOM dropped', () => {
  const text = 'Æbler, øl og gås: på gården ø.';
  for (const size of [1, 2, 3, 7, 1000]) {
    assert.equal(joined(utf8(text), 'utf-8', size), text, `utf-8 ${size}`);
    // the first piece holds the whole BOM (the worker's pieces are a megabyte)
    if (size >= 3) assert.equal(joined(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'utf-8', size), text, `utf-8 BOM ${size}`);
    assert.equal(joined(latin1(text), 'windows-1252', size), text, `windows-1252 ${size}`);
    assert.equal(joined(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]), 'utf-16le', size), text, `utf-16le ${size}`);
  }
});

test('a file is read in pieces of the asked size, the last one shorter', async () => {
  const bytes = utf8('0123456789');
  const seen: string[] = [];
  for await (const piece of filePieces(new Blob([bytes]), 4)) {
    seen.push(Buffer.from(piece).toString());
  }
  assert.deepEqual(seen, ['0123', '4567', '89']);
  const none: Uint8Array[] = [];
  for await (const piece of filePieces(new Blob([]), 4)) none.push(piece);
  assert.equal(none.length, 0);
});
