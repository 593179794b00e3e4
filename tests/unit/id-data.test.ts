import { describe, expect, it } from 'vitest';
import { checkCharOf, checkIdNumber } from '../../common/idcard';
import { idNotes, loadIdTables } from '../../common/id-data';

const TODAY = '2026-11-27';

function idFor(region: string, birth = '19800101', seq = '123'): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + checkCharOf(first17);
}

async function notesOf(idNumber: string) {
  const r = checkIdNumber(idNumber, TODAY);
  if (!r.ok) throw new Error(r.message);
  return idNotes(r, await loadIdTables());
}

describe('GB/T 2260 address codes (a warning, not a refusal)', () => {
  it('warns on a made-up code in a real province, such as 119999, and still accepts the number', async () => {
    const id = idFor('119999');
    expect(checkIdNumber(id, TODAY).ok).toBe(true);
    expect((await notesOf(id)).warnings).toEqual([expect.stringMatching(/^前 6 位地区码 119999 不在行政区划代码表（GB\/T 2260，含已撤销的）中/)]);
    for (const code of ['130199', '110120', '659099', '440399']) expect((await notesOf(idFor(code))).warnings, code).toHaveLength(1);
  });

  it('knows current codes at every level', async () => {
    for (const code of ['110105', '130102', '440305', '650102', '110000', '130100', '441900']) expect((await notesOf(idFor(code))).warnings, code).toEqual([]);
  });

  it('knows retired codes: people keep the number their birthplace had', async () => {
    // 崇文区 (merged 2010), 昌平县 (a district since 1999), 莱芜 钢城区 (moved to 济南 2019), 巢湖地区 (dissolved 2011)
    for (const code of ['110103', '110221', '371203', '342600']) expect((await notesOf(idFor(code))).warnings, code).toEqual([]);
  });

  it('knows codes created recently (白杨市 659012, 2023) and the 港澳台居民居住证 codes', async () => {
    for (const code of ['659012', '810000', '820000', '830000']) expect((await notesOf(idFor(code))).warnings, code).toEqual([]);
  });

  it('leaves out the statistics-only codes of development zones, which no card carries', async () => {
    expect((await notesOf(idFor('130171'))).warnings).toHaveLength(1);
  });

  it('loads the tables once', async () => {
    expect(await loadIdTables()).toBe(await loadIdTables());
  });
});

describe('永居证 nationality codes (GB/T 2659 numeric)', () => {
  it('names the country of the published example', async () => {
    expect(await notesOf('932682198501010017')).toEqual({ warnings: [], nationality: '沙特阿拉伯' });
    expect((await notesOf(idFor('911840'))).nationality).toBe('美国');
  });

  it('warns on a code no country has', async () => {
    expect((await notesOf(idFor('932999'))).warnings).toEqual([expect.stringMatching(/^第 4–6 位国籍代码 999 不在国家和地区代码表/)]);
  });
});
