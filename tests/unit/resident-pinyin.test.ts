import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { parseManualPinyin, pinyinKeys, pinyinShown, readingsOf } from '../../main/services/resident-pinyin';

describe('resident pinyin', () => {
  it('reads common names with pinyin-pro (surname readings, ü as v) and rare characters from Unihan', () => {
    expect(readingsOf('单田芳')).toEqual(['shan', 'tian', 'fang']);
    expect(readingsOf('吕布')).toEqual(['lv', 'bu']);
    // Unihan kMandarin: U+2A6A5 zhé, U+21484 lǎn; kHanyuPinyin 10011.010: U+20000 hē
    expect(readingsOf('卫𪚥')).toEqual(['wei', 'zhe']);
    expect(readingsOf('冯𡒄')).toEqual(['feng', 'lan']);
    expect(readingsOf('𠀀𡒄')).toEqual(['he', 'lan']);
    expect(readingsOf('买买提·艾力')).toEqual(['mai', 'mai', 'ti', 'ai', 'li']);
    expect(readingsOf('李𠈌玥')).toEqual(['li', null, 'yue']);
    expect(pinyinKeys('李𠈌玥')).toEqual({ initials: 'l_y', pinyin: 'li_yue' });
    expect(pinyinKeys('李𠈌玥', 'li xu yue')).toEqual({ initials: 'lxy', pinyin: 'lixuyue' });
    expect(pinyinShown('李𠈌玥', null)).toBe('li ? yue');
  });

  it('takes a correction as clerks type it, one syllable per character', () => {
    expect(parseManualPinyin('Lǘ  Xū', '吕𠈌')).toEqual({ ok: true, syllables: ['lv', 'xu'] });
    expect(parseManualPinyin("mai mai ti'ai li", '买买提·艾力')).toEqual({ ok: true, syllables: ['mai', 'mai', 'ti', 'ai', 'li'] });
    expect(parseManualPinyin('lixuyue', '李𠈌玥')).toMatchObject({ ok: false, message: expect.stringMatching(/应有 3 个音节/) });
    expect(parseManualPinyin('li xu yue3', '李𠈌玥')).toMatchObject({ ok: false, message: expect.stringMatching(/只能包含字母/) });
    expect(parseManualPinyin('li xuyueee', '李𠈌')).toMatchObject({ ok: false, message: expect.stringMatching(/最多 6 个字母/) });
  });

  it('ships a supplement that only fills what pinyin-pro lacks, one toneless reading per character', () => {
    const lines = fs.readFileSync(path.resolve(import.meta.dirname, '../../main/services/pinyin-supplement.txt'), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(20_000);
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const line of lines) {
      const m = /^(\S+) ([a-z]{1,6})$/u.exec(line);
      if (!m || Array.from(m[1]!).length !== 1 || seen.has(m[1]!)) bad.push(line);
      else seen.add(m[1]!);
    }
    expect(bad).toEqual([]);
    // spot checks: pinyin-pro leaves these alone, the supplement has them
    for (const c of ['𪚥', '𡒄', '𠀀']) {
      expect(pinyin(c, { toneType: 'none' })).toBe(c);
      expect(seen.has(c)).toBe(true);
    }
    expect(seen.has('王')).toBe(false);
  });
});
