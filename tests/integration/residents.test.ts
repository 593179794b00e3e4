import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAppError, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { dispatch } from '../../main/dispatch';
import { checkCharOf } from '../../common/idcard';
import type { TestApi } from '../helpers/station';
import type { ResidentInput } from '../../common/contracts/residents';

/** A valid 18-digit number (correct check character) for a region, birth date and sequence. */
export function idFor(birth: string, seq: string, region = '130102'): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${seq}`;
  return first17 + checkCharOf(first17);
}

type Api = TestApi;

async function register(api: Api, input: Partial<ResidentInput> & { name: string; idNumber: string }) {
  return api['residents.create']({ phone: '', address: '', grid: '', householdHeadId: null, relation: null, notes: '', tags: [], ...input });
}

async function auditText(api: Api): Promise<string> {
  return JSON.stringify(await api['audit.list']({ limit: 500 }));
}

async function signInAsClerk(api: Api): Promise<void> {
  await addStaff(api, { name: '李娜', login: 'lina', role: 'clerk', password: 'Counter123' });
  await api['auth.signIn']({ login: 'lina', password: 'Counter123' });
}

const ZHANG = { name: '张三', idNumber: idFor('1950-03-08', '121'), phone: '13812345678', address: '建北街道中山东路 12 号 3-2-201', grid: '第一网格' };

describe('registering a resident', () => {
  it('derives sex and birth date from the 身份证号, masks it, and audits without personal data', async () => {
    const s = await setUpStation();
    const r = await register(s.client, { ...ZHANG, tags: [{ tag: '空巢老人', since: '2024-03-01' }] });
    expect(r).toMatchObject({ name: '张三', sex: 'male', birthDate: '1950-03-08', age: 76, phone: '13812345678', phoneMasked: '138****5678', version: 1 });
    expect(r.idMasked).toBe(`130102********${ZHANG.idNumber.slice(-4)}`);
    expect(JSON.stringify(r)).not.toContain(ZHANG.idNumber);
    expect(r.tagEntries).toEqual([{ tag: '空巢老人', since: '2024-03-01' }]);
    const log = await s.client['audit.list']({ limit: 1 });
    expect(log[0]).toMatchObject({ action: 'resident.create', entity: 'resident', entityId: r.id });
    const text = await auditText(s.client);
    expect(text).not.toContain(ZHANG.idNumber);
    expect(text).not.toContain(ZHANG.phone);
    expect(text).not.toContain('空巢老人');
    s.close();
  });

  it('reports what the clerk typed against the 身份证号, field by field, and saves nothing', async () => {
    const s = await setUpStation();
    const msg = await expectAppError(register(s.client, { ...ZHANG, sex: 'female', birthDate: '1950-03-09' }), 'VALIDATION');
    expect(msg).toMatch(/性别与身份证号不符/);
    const env = await dispatch(s.calls, 'residents.create', { requestId: randomUUID(), ...ZHANG, sex: 'female', birthDate: '1950-03-09' });
    expect(!env.ok && env.error.fields).toEqual({ sex: '性别与身份证号不符：按身份证号应为“男”', birthDate: '出生日期与身份证号不符：按身份证号应为 1950-03-08' });
    expect((await s.client['residents.search']({ q: '张三', limit: 20 })).items).toEqual([]);
    s.close();
  });

  it('refuses bad input through the transport with a Chinese message per field', async () => {
    const s = await setUpStation();
    const env = await dispatch(s.calls, 'residents.create', { requestId: randomUUID(),
      name: '',
      idNumber: '130102500308121',
      phone: '86012345',
      tags: [{ tag: '五保', since: '2024-13-01' }],
    });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('VALIDATION');
    expect(env.error.fields?.name).toBe('请填写姓名');
    expect(env.error.fields?.idNumber).toMatch(/15 位的第一代身份证号/);
    expect(env.error.fields?.phone).toMatch(/请带区号/);
    expect(env.error.fields?.['tags.0.tag']).toBe('请选择重点服务对象类别');
    expect(env.error.fields?.['tags.0.since']).toMatch(/认定日期格式/);
    s.close();
  });

  it('refuses a duplicate 身份证号 with CONFLICT and the existing person’s id', async () => {
    const s = await setUpStation();
    const first = await register(s.client, ZHANG);
    const env = await dispatch(s.calls, 'residents.create', { requestId: randomUUID(), ...ZHANG, name: '张叁', idNumber: ZHANG.idNumber.toLowerCase() });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('CONFLICT');
    expect(env.error.fields?.existingId).toBe(first.id);
    expect(env.error.fields?.idNumber).toMatch(/已登记为“张三”/);
    s.close();
  });

  it('links household members to one 户主 and refuses chains and self-links', async () => {
    const s = await setUpStation();
    const head = await register(s.client, { ...ZHANG, relation: '户主' });
    const wife = await register(s.client, { name: '刘芳', idNumber: idFor('1952-06-01', '122'), householdHeadId: head.id, relation: '配偶' });
    expect(wife).toMatchObject({ householdHeadId: head.id, householdHeadName: '张三', relation: '配偶' });
    const headView = await s.client['residents.get']({ id: head.id });
    expect(headView.householdMembers).toEqual([{ id: wife.id, name: '刘芳', relation: '配偶', age: 74 }]);
    const env = await dispatch(s.calls, 'residents.create', { requestId: randomUUID(), name: '张小明', idNumber: idFor('2010-01-01', '131'), householdHeadId: wife.id, relation: '孙子女' });
    expect(!env.ok && env.error.fields?.householdHeadId).toMatch(/另一户的成员/);
    const noRelation = await dispatch(s.calls, 'residents.create', { requestId: randomUUID(), name: '张小明', idNumber: idFor('2010-01-01', '131'), householdHeadId: head.id });
    expect(!noRelation.ok && noRelation.error.fields?.relation).toBe('请选择与户主关系');
    const headIntoOther = await dispatch(s.calls, 'residents.update', { ...ZHANG, id: head.id, version: head.version, householdHeadId: wife.id, relation: '配偶' });
    expect(!headIntoOther.ok && headIntoOther.error.fields?.householdHeadId).toBeTruthy();
    s.close();
  });
});

describe('editing a resident', () => {
  it('saves the change with its audit entry naming only the changed fields, and refuses a stale version', async () => {
    const s = await setUpStation();
    const r = await register(s.client, ZHANG);
    const edited = await s.client['residents.update']({
      ...ZHANG,
      id: r.id,
      version: r.version,
      idNumber: undefined,
      phone: '0311-86012345',
      householdHeadId: null,
      relation: null,
      notes: '',
      tags: [
        { tag: '独居老人', since: '2025-01-01' },
        { tag: '重病', since: '2025-06-01' },
      ],
    });
    expect(edited).toMatchObject({ version: 2, phone: '0311-86012345', tags: ['独居老人', '重病'] });
    const last = (await s.client['audit.list']({ limit: 1 }))[0];
    expect(last).toMatchObject({ action: 'resident.update', entityId: r.id, detail: { changed: ['phone', 'tags'] } });
    expect(await auditText(s.client)).not.toMatch(/重病|0311-86012345|13812345678/);

    // Another PC saved first: this form's version is out of date.
    await expectAppError(s.client['residents.update']({ ...ZHANG, id: r.id, version: 1, grid: '第二网格', householdHeadId: null, relation: null, notes: '', tags: [] }), 'CONFLICT');
    s.close();
  });

  it('re-indexes a renamed resident for search, and keeps one record per 身份证号 on edit', async () => {
    const s = await setUpStation();
    const r = await register(s.client, { name: '王建国', idNumber: idFor('1960-05-05', '111') });
    const other = await register(s.client, ZHANG);
    expect((await s.client['residents.search']({ q: '建国', limit: 20 })).items.map((i) => i.id)).toEqual([r.id]);
    await s.client['residents.update']({ id: r.id, version: 1, name: '王建军', phone: '', address: '', grid: '', householdHeadId: null, relation: null, notes: '', tags: [] });
    expect((await s.client['residents.search']({ q: '建国', limit: 20 })).items).toEqual([]);
    expect((await s.client['residents.search']({ q: '建军', limit: 20 })).items.map((i) => i.id)).toEqual([r.id]);
    expect((await s.client['residents.search']({ q: 'wjj', limit: 20 })).items.map((i) => i.id)).toEqual([r.id]);
    await expectAppError(
      s.client['residents.update']({ id: r.id, version: 2, idNumber: ZHANG.idNumber, name: '王建军', phone: '', address: '', grid: '', householdHeadId: null, relation: null, notes: '', tags: [] }),
      'CONFLICT',
    );
    expect((await s.client['residents.get']({ id: other.id })).version).toBe(1);
    s.close();
  });
});

describe('search: one box', () => {
  async function seeded() {
    const s = await setUpStation();
    const zhang = await register(s.client, { ...ZHANG, tags: [{ tag: '低保', since: '2023-01-01' }] });
    const zhangsf = await register(s.client, { name: '张三丰', idNumber: idFor('1947-04-09', '333'), phone: '13900001111' });
    const wang = await register(s.client, { name: '王建国', idNumber: idFor('1960-05-05', '111'), phone: '0311-86019876' });
    const shan = await register(s.client, { name: '单田芳', idNumber: idFor('1934-07-17', '515') });
    const lv = await register(s.client, { name: '吕建国', idNumber: idFor('1970-10-10', '214') });
    return { s, zhang, zhangsf, wang, shan, lv };
  }

  it('finds by whole name first, then names starting with it, then names containing it', async () => {
    const { s, zhang, zhangsf, wang, lv } = await seeded();
    const hits = (await s.client['residents.search']({ q: '张三', limit: 20 })).items;
    expect(hits.map((h) => [h.id, h.match])).toEqual([
      [zhang.id, 'name'],
      [zhangsf.id, 'namePrefix'],
    ]);
    expect(hits[0]?.tags).toEqual(['低保']);
    expect(hits[0]?.idMasked).toMatch(/^130102\*{8}\d{3}[\dX]$/);
    const part = (await s.client['residents.search']({ q: '建国', limit: 20 })).items;
    expect(part.map((h) => h.id).sort()).toEqual([wang.id, lv.id].sort());
    expect(part.every((h) => h.match === 'nameContains')).toBe(true);
    expect((await s.client['residents.search']({ q: '王', limit: 20 })).items.map((h) => h.id)).toEqual([wang.id]);
    s.close();
  });

  it('finds by pinyin initials (surname readings included) and by full pinyin', async () => {
    const { s, zhang, zhangsf, shan, lv } = await seeded();
    const zs = (await s.client['residents.search']({ q: 'zs', limit: 20 })).items;
    expect(zs.map((h) => [h.id, h.match])).toEqual([
      [zhang.id, 'initials'],
      [zhangsf.id, 'initialsPrefix'],
    ]);
    expect((await s.client['residents.search']({ q: 'ZSF', limit: 20 })).items.map((h) => h.id)).toEqual([zhangsf.id]);
    expect((await s.client['residents.search']({ q: 'stf', limit: 20 })).items.map((h) => h.id)).toEqual([shan.id]);
    expect((await s.client['residents.search']({ q: 'shantian', limit: 20 })).items.map((h) => [h.id, h.match])).toEqual([[shan.id, 'pinyin']]);
    expect((await s.client['residents.search']({ q: 'lvjianguo', limit: 20 })).items.map((h) => h.id)).toEqual([lv.id]);
    s.close();
  });

  it('finds by the last digits of the 身份证号, the whole number, and phone digits', async () => {
    const { s, zhang, zhangsf, wang } = await seeded();
    const tail = ZHANG.idNumber.slice(-6);
    expect((await s.client['residents.search']({ q: tail, limit: 20 })).items.map((h) => [h.id, h.match])).toContainEqual([zhang.id, 'idSuffix']);
    expect((await s.client['residents.search']({ q: ZHANG.idNumber.toLowerCase(), limit: 20 })).items.map((h) => [h.id, h.match])).toEqual([[zhang.id, 'idNumber']]);
    expect((await s.client['residents.search']({ q: '1111', limit: 20 })).items.map((h) => [h.id, h.match])).toContainEqual([zhangsf.id, 'phoneSuffix']);
    expect((await s.client['residents.search']({ q: '138 1234 5678', limit: 20 })).items.map((h) => [h.id, h.match])).toEqual([[zhang.id, 'phone']]);
    expect((await s.client['residents.search']({ q: '9876', limit: 20 })).items.map((h) => h.id)).toContain(wang.id);
    expect((await s.client['residents.search']({ q: '1390000', limit: 20 })).items.map((h) => [h.id, h.match])).toContainEqual([zhangsf.id, 'phonePrefix']);
    const short = await s.client['residents.search']({ q: '123', limit: 20 });
    expect(short.items).toEqual([]);
    expect(short.hint).toMatch(/至少输入 4 位数字/);
    s.close();
  });

  it('needs a signed-in user', async () => {
    const { s } = await seeded();
    await s.client['auth.signOut']({});
    await expectAppError(s.client['residents.search']({ q: '张三', limit: 20 }), 'FORBIDDEN');
    s.close();
  });
});

describe('revealing a full 身份证号', () => {
  it('shows it to the administrator and audits each reveal; refuses a clerk', async () => {
    const s = await setUpStation();
    const r = await register(s.client, ZHANG);
    expect(await s.client['residents.revealIdNumber']({ id: r.id })).toEqual({ idNumber: ZHANG.idNumber });
    await s.client['residents.revealIdNumber']({ id: r.id });
    const reveals = (await s.client['audit.list']({ limit: 50 })).filter((e) => e.action === 'resident.revealIdNumber');
    expect(reveals).toHaveLength(2);
    expect(reveals[0]).toMatchObject({ entity: 'resident', entityId: r.id });
    expect(await auditText(s.client)).not.toContain(ZHANG.idNumber);

    await signInAsClerk(s.client);
    expect(await expectAppError(s.client['residents.revealIdNumber']({ id: r.id }), 'FORBIDDEN')).toMatch(/站长或管理员/);
    await s.client['auth.signIn']({ login: 'admin', password: ADMIN.password });
    const log = await s.client['audit.list']({ limit: 50 });
    expect(log.filter((e) => e.action === 'resident.revealIdNumber')).toHaveLength(2);
    // The clerk's attempt is on record too, under the clerk's name.
    expect(log.filter((e) => e.action === 'resident.revealRefused')).toMatchObject([{ entityId: r.id, actorName: expect.not.stringMatching(ADMIN.name) }]);
    s.close();
  });
});
