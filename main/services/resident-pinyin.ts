/**
 * The pinyin a resident is found by. pinyin-pro knows the common characters; for the rare
 * ones it leaves alone (most of CJK Ext-A and Ext-B onwards, where given-name characters
 * such as 𪚥 and 𡒄 live) the reading comes from the Unicode Unihan database (kMandarin,
 * else kHanyuPinyin), extracted by scripts/pinyin-supplement.mjs into pinyin-supplement.txt.
 * A clerk's own correction, when given, wins over both. (Unihan data © Unicode, Inc., under
 * the Unicode License v3, which allows this use with this notice.)
 *
 * A direct lookup rather than pinyin-pro's customPinyin: 20,000 single characters would turn
 * on its phrase matcher for every name converted, and none of them needs context.
 */
import { pinyin } from 'pinyin-pro';
import supplement from './pinyin-supplement.txt?raw';

let readings: Map<string, string> | null = null;

/** Parsed on the first rare character, not at start-up: most names never need it. */
function rareReading(c: string): string | null {
  if (!readings) {
    readings = new Map();
    for (const line of supplement.split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) readings.set(line.slice(0, space), line.slice(space + 1));
    }
  }
  return readings.get(c) ?? null;
}

/** Separators in names such as 买买提·艾力: they carry no syllable. */
const SEPARATOR = /^[\s·•・.\-_'’]+$/;

/** The characters of a name that carry a syllable (code points, so 𠈌 counts as one). */
export function syllableChars(name: string): string[] {
  return Array.from(name).filter((c) => !SEPARATOR.test(c));
}

/**
 * One toneless syllable per character (ü as v; surname readings for 单, 曾, 解 …);
 * null where no source knows the character.
 */
export function readingsOf(name: string): (string | null)[] {
  const parts = pinyin(name, { mode: 'surname', toneType: 'none', type: 'array', v: true });
  const out: (string | null)[] = [];
  for (const raw of parts) {
    const p = raw.toLowerCase();
    if (/^[a-z]+$/.test(p)) out.push(p);
    else if (SEPARATOR.test(p)) continue;
    else {
      // pinyin-pro hands back an unknown character as itself (several in a row may come as one piece)
      for (const c of Array.from(p)) if (!SEPARATOR.test(c)) out.push(rareReading(c));
    }
  }
  return out;
}

/**
 * A clerk's correction as typed ("wei zhe", "Wei Zhe", "wéi zhé", "lü"): lower case, tones
 * dropped, ü as v, one syllable per character of the name. Answers the syllables, or the
 * Chinese reason it cannot be used.
 */
export function parseManualPinyin(typed: string, name: string): { ok: true; syllables: string[] } | { ok: false; message: string } {
  const syllables = typed
    .normalize('NFC')
    .toLowerCase()
    .replace(/[üǖǘǚǜ]/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[\s'’,，、]+/)
    .filter(Boolean);
  if (syllables.some((s) => !/^[a-z]+$/.test(s))) return { ok: false, message: '拼音只能包含字母，每个字的拼音之间用空格分开（如 wei zhe）' };
  const count = syllableChars(name).length;
  if (syllables.length !== count) return { ok: false, message: `姓名有 ${count} 个字，拼音应有 ${count} 个音节，用空格分开（现有 ${syllables.length} 个）` };
  if (syllables.some((s) => s.length > 6)) return { ok: false, message: '每个字的拼音最多 6 个字母，请检查是否漏了空格' };
  return { ok: true, syllables };
}

/**
 * The search keys: initials and full pinyin. A character nobody knows becomes '_', which no
 * typed query contains, so the other characters keep their positions.
 */
export function pinyinKeys(name: string, manual: string | null = null): { initials: string; pinyin: string } {
  const syllables: (string | null)[] = manual ? manual.split(' ') : readingsOf(name);
  return {
    initials: syllables.map((s) => (s ? s[0] : '_')).join(''),
    pinyin: syllables.map((s) => s ?? '_').join(''),
  };
}

/** The pinyin to show a clerk: syllables spaced, '?' for a character nobody knows. */
export function pinyinShown(name: string, manual: string | null): string {
  return manual ?? readingsOf(name).map((s) => s ?? '?').join(' ');
}
