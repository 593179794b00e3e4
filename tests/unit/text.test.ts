/** common/text.ts: the one free-text rule, and the record-key rule beside it. */
import { describe, expect, it } from 'vitest';
import { charCount, freeText, plainKey, textProblem, textProblemMessage } from '../../common/text';

const msg = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('textProblem', () => {
  it('finds lone surrogates (high or low, at either end) but not a well-formed pair', () => {
    expect(textProblem('王\uD800五')).toBe('surrogate');
    expect(textProblem('\uDC00王')).toBe('surrogate');
    expect(textProblem('王\uD842')).toBe('surrogate');
    expect(textProblem('\uDC0C\uD840')).toBe('surrogate'); // a pair in the wrong order
    expect(textProblem('𠈌')).toBeNull(); // U+2020C, \uD840\uDE0C
  });
  it('finds bidi embeddings, overrides, isolates and marks', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) expect(textProblem(`a${c}b`)).toBe('bidi');
  });
  it('finds C0, DEL and C1 controls; tab passes; line breaks only in multi-line text', () => {
    for (const c of ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009F']) expect(textProblem(`a${c}b`, { multiline: true })).toBe('control');
    expect(textProblem('a\tb')).toBeNull();
    for (const c of ['\n', '\r', '\u2028', '\u2029']) expect(textProblem(`a${c}b`)).toBe('lineBreak');
    expect(textProblem('a\nb\r\nc', { multiline: true })).toBeNull();
  });
  it('lets every CJK block through, rare extensions and compatibility supplement included', () => {
    // Ext A, B, C, D, E, F, G, H, I, compatibility, compatibility supplement
    for (const s of ['㐀', '𠀀', '𪜀', '𫝀', '𫠠', '𬺰', '𰀀', '𱍐', '𮯰', '豈', '丽']) expect(textProblem(s)).toBeNull();
  });
  it('says what is wrong in Chinese, naming the field', () => {
    expect(textProblemMessage('姓名', 'bidi')).toBe('姓名含有改变文字方向的隐藏字符，请删除后重新输入');
  });
});

describe('freeText', () => {
  const name = freeText('姓名', { min: 1, max: 4 });
  const notes = freeText('备注', { max: 10, multiline: true });

  it('trims, normalises to NFC and counts characters as a clerk does', () => {
    expect(name.parse('  王五 ')).toBe('王五');
    expect(name.parse('e\u0301')).toBe('\u00E9');
    expect(name.parse('𠈌𪚥𰻞𠈌')).toBe('𠈌𪚥𰻞𠈌'); // 4 characters, 8 UTF-16 units
    expect(charCount('𠈌𪚥')).toBe(2);
    expect(msg(name.safeParse('王五六七八'))).toBe('姓名不能超过 4 个字');
  });
  it('refuses each problem with a Chinese message naming the field, before trimming can hide it', () => {
    expect(msg(name.safeParse('王\uD800五'))).toMatch(/^姓名含有无法识别的字符/);
    expect(msg(name.safeParse('王\u202E五'))).toMatch(/^姓名含有改变文字方向/);
    expect(msg(name.safeParse('王\u0000'))).toMatch(/^姓名含有不可见的控制字符/);
    expect(msg(name.safeParse('王\n五'))).toBe('姓名不能换行');
    expect(msg(name.safeParse('王\n'))).toBe('姓名不能换行');
  });
  it('multi-line text keeps its lines and stores CRLF as LF', () => {
    expect(notes.parse('一\r\n二\r三')).toBe('一\n二\n三');
  });
  it('says 请填写 for a required field left out or blank, and 格式不正确 for a non-string', () => {
    expect(msg(name.safeParse(undefined))).toBe('请填写姓名');
    expect(msg(name.safeParse('   '))).toBe('请填写姓名');
    expect(msg(name.safeParse(12))).toBe('姓名格式不正确');
    expect(msg(freeText('通知名称', { max: 9, missing: '缺少通知名称' }).safeParse(undefined))).toBe('缺少通知名称');
    expect(msg(freeText('原因', { min: 2, max: 9 }).safeParse('好'))).toBe('原因至少 2 个字');
    expect(notes.parse('')).toBe('');
  });
});

describe('plainKey', () => {
  const id = plainKey('记录编号', { max: 64 });
  it('takes ids and codes, refuses anything but printable ASCII', () => {
    expect(id.parse(' 0190a5a0-0000-7000-8000-000000000000 ')).toBe('0190a5a0-0000-7000-8000-000000000000');
    expect(id.parse('intake.accept')).toBe('intake.accept');
    for (const bad of ['a\uD800', 'a\u202Eb', 'a b', '王五', 'a\u0000']) expect(id.safeParse(bad).success).toBe(false);
    expect(msg(id.safeParse(''))).toBe('缺少记录编号');
    expect(msg(id.safeParse('x'.repeat(65)))).toBe('记录编号过长');
  });
});

describe('damaged text', () => {
  it('refuses U+FFFD, what a lone surrogate or a misread file leaves behind', () => {
    expect(textProblem('王\uFFFD五')).toBe('surrogate');
  });
});

describe('wellFormed', () => {
  it('replaces lone surrogates as SQLite would store them, and leaves pairs alone', async () => {
    const { wellFormed } = await import('../../common/text');
    expect(wellFormed('a\uD800b\uDC00𠈌')).toBe('a\uFFFDb\uFFFD𠈌');
  });
});
