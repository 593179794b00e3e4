/**
 * A spreadsheet cell under the free-text rule (common/text.ts), like the form's field: a bidi
 * override or a lone surrogate makes its row an error with the column's Chinese message, and
 * committing such a file saves nothing; rare CJK characters import as they are.
 */
import { describe, expect, it } from 'vitest';
import { expectAppError, setUpStation } from '../helpers/station';
import { checkCharOf } from '../../common/idcard';

function idFor(birth: string, seq: string): string {
  const first17 = `130102${birth.replace(/-/g, '')}${seq}`;
  return first17 + checkCharOf(first17);
}
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const LIU = ['刘秀英', idFor('1941-10-02', '242')] as const;
const CHEN = ['陈𪚥强', idFor('1988-08-18', '131')] as const;

describe('residents import: each cell under the text rule', () => {
  it('refuses a row whose address, grid, notes or name holds U+202E, and one with a lone surrogate', async () => {
    const s = await setUpStation();
    const rows = [
      `${LIU.join(',')},建北街道\u202E号3,一网格,`,
      `${CHEN.join(',')},建北街道中山东路 3 号,一网格\u2066,`,
      `王\u202E五,${idFor('1950-01-01', '111')},,,`,
      `赵六,${idFor('1951-01-01', '121')},,,备注\uD800`,
    ];
    const file = `姓名,身份证号,现住址,所属网格,备注\n${rows.join('\n')}\n`;
    const p = await s.client['residents.importPreview']({ fileName: 'a.csv', base64: b64(file) });
    expect(p.errorCount).toBe(4);
    expect(p.rows[0]!.errors).toEqual({ 现住址: '现住址含有改变文字方向的隐藏字符，请删除后重新输入' });
    expect(p.rows[1]!.errors).toEqual({ 网格: '所属网格含有改变文字方向的隐藏字符，请删除后重新输入' });
    expect(Object.keys(p.rows[2]!.errors)).toEqual(['姓名']);
    expect(p.rows[3]!.errors).toEqual({ 备注: expect.stringMatching(/^备注含有无法识别的字符/) }); // the file holds U+FFFD where the surrogate was: damaged text, refused
    await expectAppError(s.client['residents.importCommit']({ fileName: 'a.csv', base64: b64(file), onExisting: 'skip' }), 'VALIDATION');
    expect((await s.client['residents.ledger']({ filter: {} })).total).toBe(0);
    s.close();
  });

  it('imports rare CJK names and clean cells as they are', async () => {
    const s = await setUpStation();
    const file = `姓名,身份证号,现住址,所属网格,备注\n${CHEN.join(',')},建北街道 𠈌 巷 3 号,一网格,\n`;
    const p = await s.client['residents.importPreview']({ fileName: 'a.csv', base64: b64(file) });
    expect(p).toMatchObject({ total: 1, newCount: 1, errorCount: 0 });
    expect(p.rows[0]!.name).toBe('陈𪚥强');
    s.close();
  });
});
