import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCharOf } from '../../common/idcard';
import { expectAppError, openTestStation, setUpStation, STATION, ADMIN } from '../helpers/station';
import type { TestApi } from '../helpers/station';
import type { ResidentInput } from '../../common/contracts/residents';

const FOREIGN_ID = '932682198501010017';

async function register(api: TestApi, input: Partial<ResidentInput> & { name: string; idNumber: string }) {
  return api['residents.create']({ phone: '', address: '', grid: '', householdHeadId: null, relation: null, notes: '', tags: [], ...input });
}

describe('外国人永久居留身份证 holders in the registry', () => {
  it('registers one with sex and birth date from the number, the document type on the record, found by the full number', async () => {
    const s = await setUpStation();
    const r = await register(s.client, { name: '阿卜杜拉', idNumber: FOREIGN_ID, phone: '+86 10 6234 5678' });
    expect(r).toMatchObject({ idType: 'foreignPermanent', sex: 'male', birthDate: '1985-01-01', idMasked: '932682********0017', phone: '010-62345678' });
    expect((await s.client['residents.get']({ id: r.id })).idType).toBe('foreignPermanent');
    expect((await s.client['residents.search']({ q: FOREIGN_ID, limit: 5 })).items.map((h) => h.id)).toEqual([r.id]);
    const msg = await expectAppError(register(s.client, { name: '阿卜杜拉', idNumber: FOREIGN_ID.slice(0, 17) + '8' }), 'VALIDATION');
    expect(msg).toMatch(/^外国人永久居留身份证号校验位不符/);
    await expectAppError(register(s.client, { name: '某人', idNumber: FOREIGN_ID, sex: 'female' }), 'VALIDATION');
    s.close();
  });

  it('keeps 居民身份证 as the type of every other number, a made-up address code included (a warning in the form, not a refusal)', async () => {
    const s = await setUpStation();
    const first17 = '11999919800101123';
    const r = await register(s.client, { name: '张三', idNumber: first17 + checkCharOf(first17) });
    expect(r.idType).toBe('resident');
    s.close();
  });
});

describe('phones stored by main', () => {
  it('stores +86 landlines and the station phone in the canonical spelling, and refuses nonexistent area codes', async () => {
    const s = await openTestStation();
    await s.api['setup.init']({ station: { ...STATION, phone: '+86-311-86012345' }, admin: ADMIN });
    expect((await s.client['station.get']({}))?.phone).toBe('0311-86012345');
    const msg = await expectAppError(s.client['station.update']({ ...STATION, phone: '011-62345678' }), 'VALIDATION');
    expect(msg).toMatch(/区号 011 不存在/);
    const msg2 = await expectAppError(register(s.client, { name: '李四', idNumber: FOREIGN_ID, phone: '17450123456' }), 'VALIDATION');
    expect(msg2).toBe('手机号段 1745 尚未分配使用，请核对号码');
    s.close();
  });

  it('reads a phone stored before these checks as it was, masked and found by its digits', async () => {
    const s = await setUpStation();
    const r = await register(s.client, { name: '王五', idNumber: FOREIGN_ID, phone: '020-81234567' });
    s.close();
    // 7-digit Guangzhou numbers passed the old pattern; the new plan refuses them, but a stored one stays readable.
    const raw = new Database(path.join(s.dataDir, 'stationdesk.db'));
    raw.prepare("UPDATE residents SET phone = '020-8123456', phone_digits = '0208123456', phone_rev = '6543218020' WHERE id = ?").run(r.id);
    raw.close();
    const again = await openTestStation({ dataDir: s.dataDir });
    await again.client['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    expect(await again.client['residents.get']({ id: r.id })).toMatchObject({ phone: '020-8123456', phoneMasked: '020-***3456' });
    expect((await again.client['residents.search']({ q: '0208123456', limit: 5 })).items.map((h) => h.id)).toEqual([r.id]);
    again.close();
  });
});
