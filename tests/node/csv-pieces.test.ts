// A CSV read a few bytes at a time gives exactly the table (or the error, with its row) that the
// whole text gives: every cut through a line, a CRLF, a quoted cell with a line break, a UTF-8
// character, a UTF-16 pair and a "sep=" line, in each encoding the page reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../web/src/data/csv.ts';
import { decodeText } from '../../web/src/data/decode.ts';
import { readDataFile } from '../../web/src/data/read-file.ts';
import { plainRows } from '../../web/src/data/table.ts';

const FILES: [string, Uint8Array][] = [
  ['semikolon', Buffer.from('Alder;Forbrug;Aktiveret\r\n32;2326,5;Nej\r\n\r\n48;2612,25;Ja\r\n')],
  ['citater', Buffer.from('navn,tekst,x\n"Hansen, Jens","Sagde ""hej""\nog gik",50\nGerda,,65\n')],
  ['sep-linje', Buffer.from('sep=,\na,b\n1,2\n3,4')],
  ['bom og æøå', Buffer.from('\ufeffÆble;Øl;Å\n1;2;3\n4;5;6\n')],
  ['windows-1252', Buffer.from('Æble;Øl;Å\n1;2;3\n4;5;6\n', 'latin1')],
  ['utf-16', Buffer.from('\ufeffa\tb\n1\t2\n', 'utf16le')],
  ['slutsemikolon', Buffer.from('a;b;\n1;2;\n3;4;')],
  ['åbent citat', Buffer.from('a,b\n1,2\n"3,4\n5,6\n')],
  ['skæv række', Buffer.from('a,b\n1,2\n3,4,5\n')],
  // past the first 60 lines the text is cut as it comes: a quoted line break, CRLF, an error's row
  ['langt citat', Buffer.from('a,b\r\n' + '1,2\r\n'.repeat(70) + '"x\r\ny",3\r\n' + '4,5\r\n'.repeat(5))],
  ['langt åbent citat', Buffer.from('a,b\n' + '1,2\n'.repeat(70) + '"x\ny,3\n' + '4,5\n'.repeat(5))],
  ['lang skæv række', Buffer.from('a;b\n' + '1;2\n'.repeat(70) + '\n3;4;5\n')],
  // ASCII pieces skip the decoder: a U+FEFF after the start is a character like any other, and a
  // UTF-8 character cut short before plain text still makes the file windows-1252
  ['feff inde i teksten', Buffer.from('a;b\n1;x\ufeffy\n2;\ufeff3\n')],
  ['afbrudt tegn', Buffer.concat([Buffer.from('a;b\n1;'), Buffer.from([0xc3]), Buffer.from('x\n2;3\n')])],
];

// The whole text through parseCsv, as the page read every file before.
function whole(bytes: Uint8Array) {
  const text = decodeText(bytes);
  return text.ok ? parseCsv(text.value) : text;
}

const plain = (r: Awaited<ReturnType<typeof readDataFile>> | ReturnType<typeof parseCsv>) =>
  r.ok ? { ...r.value, rows: plainRows(r.value) } : r;

test('every piece size reads as the whole text', async () => {
  for (const [name, bytes] of FILES) {
    const expected = plain(whole(bytes));
    for (const pieceBytes of [1, 2, 3, 5, 7, 13, 1 << 20]) {
      for (const joined of [false, true]) {
        const got = plain(await readDataFile(`${name}.csv`, bytes, { pieceBytes, joined }));
        assert.deepEqual(got, expected, `${name}, pieces of ${pieceBytes}, joined ${joined}`);
      }
    }
  }
});

test('a file whose bytes stop being UTF-8 far from its start is read as windows-1252, as a whole one is', async () => {
  const bytes = Buffer.concat([Buffer.from('a;b\n' + '1;2\n'.repeat(20000)), Buffer.from('3;Æble\n', 'latin1')]);
  const got = await readDataFile('sen.csv', bytes, { pieceBytes: 4096 });
  assert.ok(got.ok);
  assert.deepEqual(plainRows(got.value).at(-1), ['3', 'Æble']);
  assert.deepEqual(plain(got), plain(whole(bytes)));
});
