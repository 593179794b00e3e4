import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ADMIN, STATION, clientOf, expectAppError, openTestStation, setUpStation, tempDir } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { dispatch } from '../../main/dispatch';
import { createStation, defaultResourcesDir } from '../../main/station';
import { memoryStore } from '../../main/settings-store';
import { DB_FILE } from '../../main/paths';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { systemClock } from '../../main/clock';
import { createAudit } from '../../main/services/audit';
import { createStaffService } from '../../main/services/staff';
import { createWriter } from '../../main/db/write';
import { createStationSettings, createMachineSettings } from '../../main/services/settings';
import { createAuth } from '../../main/services/auth';
import { createStationInfo } from '../../main/services/station-info';
import { createCatalogue, loadSeed, seedPath } from '../../main/services/catalogue';
import type { PublishedCatalogue } from '../../common/catalogue';

type TestStation = Awaited<ReturnType<typeof setUpStation>>;

const SEED = loadSeed(seedPath(defaultResourcesDir()));
const HEAD = { name: '张站长', login: 'zhangzz', role: 'head' as const, password: 'Head2026x' };
const CLERK = { name: '李娜', login: 'lina', role: 'clerk' as const, password: 'Counter123' };

async function withStaff(s: TestStation): Promise<void> {
  await addStaff(s.api, HEAD);
  await addStaff(s.api, CLERK);
}
const signInAs = (s: TestStation, who: { login: string; password: string }) => s.api['auth.signIn']({ login: who.login, password: who.password });

async function actions(s: TestStation): Promise<string[]> {
  await s.api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
  return (await s.api['audit.list']({ limit: 500 })).map((e) => e.action).reverse();
}

/**
 * The catalogue service itself, as intake and sync hold it, on a second connection to
 * the station's file: the real services wired the way createStation wires them.
 */
function catalogueService(dataDir: string, resourcesDir = defaultResourcesDir()) {
  const db = openDb(path.join(dataDir, DB_FILE));
  migrate(db);
  const clock = systemClock;
  const audit = createAudit(db, clock);
  const write = createWriter(db, clock, audit.append);
  const staff = createStaffService(db, clock, write);
  const auth = createAuth(db, clock, write, staff, createStationSettings(db, clock), () => 15);
  const ctx = { db, clock, audit, write, auth, machine: createMachineSettings(memoryStore()), station: createStationInfo(db, clock), dataDir, resourcesDir };
  return { service: createCatalogue(ctx), close: () => db.close() };
}

function countRows(dataDir: string, table: 'catalogue_versions' | 'catalogue_items'): number {
  const raw = new Database(path.join(dataDir, DB_FILE), { readonly: true });
  try {
    return raw.prepare(`SELECT count(*) AS n FROM ${table}`).pluck().get() as number;
  } finally {
    raw.close();
  }
}

const fieldsOf = (i: { name: string; category: PublishedCatalogue['items'][number]['category']; department: string; materials: string[]; timeLimit: PublishedCatalogue['items'][number]['timeLimit']; forwarded: boolean; notes: string | null; conditions?: PublishedCatalogue['items'][number]['conditions'] }) => ({
  name: i.name,
  category: i.category,
  department: i.department,
  materials: i.materials,
  timeLimit: i.timeLimit,
  forwarded: i.forwarded,
  notes: i.notes,
  conditions: i.conditions ?? null,
});

describe('the seed', () => {
  it('is loaded once, on first use, with one audit entry; a restart does not load it again', async () => {
    const s = await setUpStation();
    expect(countRows(s.dataDir, 'catalogue_versions')).toBe(0);
    const first = await s.api['catalogue.list']({ includeRetired: false });
    expect(first.items).toHaveLength(SEED.items.length);
    expect(first.version).toMatchObject({ version: 1, label: SEED.version, source: 'seed', publishedAt: SEED.publishedAt, itemCount: SEED.items.length, createdBy: null });
    expect(first.items.find((i) => i.code === 'ZB-001')).toMatchObject({ name: '高龄津贴申请', pinyinInitials: 'gljtsq', forwarded: true, retired: false, version: 1 });
    expect((await s.api['audit.list']({ limit: 5 }))[0]).toMatchObject({ action: 'catalogue_version.seed', entity: 'catalogue_version', entityId: '1', actorId: null, detail: { label: SEED.version, items: SEED.items.length } });
    s.close();

    const again = await openTestStation({ dataDir: s.dataDir });
    await again.api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    expect((await again.api['catalogue.list']({ includeRetired: true })).items).toHaveLength(SEED.items.length);
    expect(await again.api['catalogue.versions']({})).toHaveLength(1);
    expect((await actions(again)).filter((a) => a === 'catalogue_version.seed')).toHaveLength(1);
    expect(countRows(s.dataDir, 'catalogue_items')).toBe(SEED.items.length);
    expect((await again.api['audit.verify']({})).ok).toBe(true);
    again.close();
  });

  it('refuses catalogue calls with a Chinese message when broken, writes nothing, and loads once repaired', async () => {
    const resourcesDir = tempDir('sd-res-');
    // everything else the station reads at start (calendar, fonts) is the real thing
    for (const entry of fs.readdirSync(defaultResourcesDir())) {
      if (entry !== 'catalogue') fs.symlinkSync(path.join(defaultResourcesDir(), entry), path.join(resourcesDir, entry));
    }
    fs.mkdirSync(path.join(resourcesDir, 'catalogue'));
    const broken = structuredClone(SEED) as unknown as { items: Record<string, unknown>[] };
    broken.items[0] = { ...broken.items[0], materials: [] };
    fs.writeFileSync(seedPath(resourcesDir), JSON.stringify(broken));

    const dataDir = tempDir();
    const station = await createStation({ dataDir, transport: 'browser', store: memoryStore(), resourcesDir });
    const s = { calls: station, api: clientOf(station), close: station.close };
    await s.api['setup.init']({ station: STATION, admin: ADMIN });
    const env = await dispatch(s.calls, 'catalogue.list', {});
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('UNAVAILABLE');
      expect(env.error.message).toBe('服务清单初始数据（seed.json）有误：第 1 项（ZD-001）所需材料：请至少填写一项所需材料。请联系县级运维人员');
    }
    expect(countRows(dataDir, 'catalogue_versions')).toBe(0);
    expect((await s.api['staff.list']({})).map((x) => x.login)).toEqual(['admin']);

    fs.writeFileSync(seedPath(resourcesDir), JSON.stringify(SEED));
    expect((await s.api['catalogue.list']({ includeRetired: false })).items).toHaveLength(SEED.items.length);
    s.close();
  });
});

describe('search and lists', () => {
  it('finds items by name, pinyin initials, full pinyin and code; signed-in staff only', async () => {
    const s = await setUpStation();
    const codes = async (query: string) => (await s.api['catalogue.search']({ query, limit: 20 })).map((i) => i.code);
    expect((await codes('高龄'))[0]).toBe('ZB-001');
    expect((await codes('gljt'))[0]).toBe('ZB-001');
    expect(await codes('gl')).toContain('ZB-001');
    expect((await codes('gaoling'))[0]).toBe('ZB-001');
    expect((await codes('zb-001'))[0]).toBe('ZB-001');
    expect((await codes('DB002'))[0]).toBe('DB-002');
    expect(await codes('残疾人证')).toEqual(expect.arrayContaining(['ZB-002', 'DB-012']));
    expect(await codes('不存在的事项')).toEqual([]);
    expect((await s.api['catalogue.search']({ query: '证', limit: 3 })).length).toBe(3);

    const forwardedOnly = await s.api['catalogue.list']({ forwarded: true, includeRetired: false });
    expect(forwardedOnly.items.every((i) => i.forwarded)).toBe(true);
    const review = await s.api['catalogue.list']({ category: '审核转报', includeRetired: false });
    expect(review.items.length).toBe(SEED.items.filter((i) => i.category === '审核转报').length);
    expect((await s.api['catalogue.list']({ text: 'jzzm', includeRetired: false })).items.map((i) => i.code)).toEqual(['BJ-001']);

    await s.api['auth.signOut']({});
    await expectAppError(s.api['catalogue.search']({ query: '高龄', limit: 20 }), 'FORBIDDEN');
    await expectAppError(s.api['catalogue.list']({ includeRetired: false }), 'FORBIDDEN');
    s.close();
  });
});

describe('editing (station head or administrator)', () => {
  it('makes a new version per change; the old version stays readable', async () => {
    const s = await setUpStation();
    await withStaff(s);
    await signInAs(s, HEAD);
    const before = await s.api['catalogue.get']({ code: 'ZB-001' });
    const materials = [...before.materials, '近期体检报告复印件'];
    const after = await s.api['catalogue.update']({ code: 'ZB-001', revision: before.version, fields: { ...fieldsOf(before), materials } });
    expect(after).toMatchObject({ code: 'ZB-001', version: 2, materials });

    expect((await s.api['catalogue.get']({ code: 'ZB-001' })).materials).toEqual(materials);
    expect((await s.api['catalogue.get']({ code: 'ZB-001', version: 1 })).materials).toEqual(before.materials);
    const v1 = await s.api['catalogue.list']({ version: 1, includeRetired: false });
    expect(v1.items.find((i) => i.code === 'ZB-001')?.materials).toEqual(before.materials);
    expect(v1.version.version).toBe(1);
    // items untouched by the edit read the same in both versions
    expect((await s.api['catalogue.get']({ code: 'BJ-001', version: 2 })).version).toBe(1);

    const versions = await s.api['catalogue.versions']({});
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ label: `${SEED.version}-本站修订1`, source: 'station', createdByName: HEAD.name, itemCount: SEED.items.length, summary: '修改事项 ZB-001 高龄津贴申请：所需材料' });

    // saving the same content again makes no version
    const same = await s.api['catalogue.update']({ code: 'ZB-001', revision: 2, fields: { ...fieldsOf(before), materials } });
    expect(same.version).toBe(2);
    // a form opened before someone else's change is refused, not silently applied
    expect(await expectAppError(s.api['catalogue.update']({ code: 'ZB-001', revision: 1, fields: { ...fieldsOf(before), name: '高龄津贴' } }), 'CONFLICT')).toMatch(/已被他人修改/);
    expect(await s.api['catalogue.versions']({})).toHaveLength(2);

    const entry = (await s.api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password }), await s.api['audit.list']({ limit: 50 })).find((e) => e.action === 'catalogue_item.update');
    expect(entry).toMatchObject({ entity: 'catalogue_item', entityId: 'ZB-001', actorName: HEAD.name, detail: { version: 2, changed: ['materials'] } });
    expect((await s.api['audit.verify']({})).ok).toBe(true);
    s.close();
  });

  it('refuses every change from a clerk (FORBIDDEN) and writes nothing', async () => {
    const s = await setUpStation();
    await withStaff(s);
    await signInAs(s, CLERK);
    const item = await s.api['catalogue.get']({ code: 'BJ-001' });
    const messages = [
      await expectAppError(s.api['catalogue.update']({ code: 'BJ-001', revision: item.version, fields: { ...fieldsOf(item), name: '居住情况证明' } }), 'FORBIDDEN'),
      await expectAppError(s.api['catalogue.add']({ fields: { ...fieldsOf(item), name: '新事项' } }), 'FORBIDDEN'),
      await expectAppError(s.api['catalogue.retire']({ code: 'BJ-001', revision: item.version, reason: '测试停用' }), 'FORBIDDEN'),
      await expectAppError(s.api['catalogue.restore']({ code: 'BJ-001', revision: item.version }), 'FORBIDDEN'),
    ];
    expect(new Set(messages)).toEqual(new Set(['只有站长或管理员可以修改服务清单']));
    expect(await s.api['catalogue.versions']({})).toHaveLength(1);
    expect((await s.api['catalogue.get']({ code: 'BJ-001' })).name).toBe('居住证明');
    // an administrator may
    await s.api['auth.signIn']({ login: ADMIN.login, password: ADMIN.password });
    await s.api['catalogue.update']({ code: 'BJ-001', revision: item.version, fields: { ...fieldsOf(item), name: '居住情况证明' } });
    expect(await s.api['catalogue.versions']({})).toHaveLength(2);
    s.close();
  });

  it('retires an item out of search and new intake, keeps its history, and restores it', async () => {
    const s = await setUpStation();
    await withStaff(s);
    await signInAs(s, HEAD);
    const live = await s.api['catalogue.get']({ code: 'DB-002' });
    const retired = await s.api['catalogue.retire']({ code: 'DB-002', revision: live.version, reason: '县级已改为线上办理' });
    expect(retired).toMatchObject({ retired: true, retiredReason: '县级已改为线上办理', version: 2 });

    expect((await s.api['catalogue.search']({ query: '社保卡补办', limit: 20 })).map((i) => i.code)).not.toContain('DB-002');
    expect((await s.api['catalogue.list']({ includeRetired: false })).items.map((i) => i.code)).not.toContain('DB-002');
    expect((await s.api['catalogue.list']({ includeRetired: true })).items.find((i) => i.code === 'DB-002')?.retired).toBe(true);
    expect(await expectAppError(s.api['catalogue.get']({ code: 'DB-002' }), 'NOT_FOUND')).toBe('服务事项“社保卡补办”（DB-002）已停用，不能再受理');
    // an intake record accepted against version 1 still resolves its item
    expect(await s.api['catalogue.get']({ code: 'DB-002', version: 1 })).toMatchObject({ name: '社保卡补办', retired: false, version: 1 });
    expect((await s.api['catalogue.versions']({}))[0]).toMatchObject({ itemCount: SEED.items.length - 1, summary: '停用事项 DB-002 社保卡补办：县级已改为线上办理' });

    await expectAppError(s.api['catalogue.retire']({ code: 'DB-002', revision: 2, reason: '再次停用' }), 'CONFLICT');
    await expectAppError(s.api['catalogue.update']({ code: 'DB-002', revision: 2, fields: fieldsOf(live) }), 'CONFLICT');
    const back = await s.api['catalogue.restore']({ code: 'DB-002', revision: 2 });
    expect(back).toMatchObject({ retired: false, version: 3, materials: live.materials });
    expect((await s.api['catalogue.search']({ query: '社保卡补办', limit: 20 }))[0]?.code).toBe('DB-002');
    expect((await s.api['catalogue.versions']({}))[0]?.itemCount).toBe(SEED.items.length);

    const log = await actions(s);
    expect(log.filter((a) => a.startsWith('catalogue'))).toEqual(['catalogue_version.seed', 'catalogue_item.retire', 'catalogue_item.restore']);
    s.close();
  });

  it('adds items with generated codes never reused, refuses clashes, and answers bad input in Chinese', async () => {
    const s = await setUpStation();
    const template = await s.api['catalogue.get']({ code: 'BJ-001' });
    const added = await s.api['catalogue.add']({ fields: { ...fieldsOf(template), name: '门牌号码证明', notes: null } });
    const nextBj = `BJ-${String(SEED.items.filter((i) => i.category === '可直接办结').length + 1).padStart(3, '0')}`;
    expect(added).toMatchObject({ code: nextBj, pinyinInitials: 'mphmzm', version: 2 });
    expect((await s.api['catalogue.search']({ query: 'mphm', limit: 5 }))[0]?.code).toBe(nextBj);

    expect(await expectAppError(s.api['catalogue.add']({ fields: { ...fieldsOf(template) } }), 'CONFLICT')).toBe('已有同名事项“居住证明”（BJ-001）');
    // through the transport, as the renderer sends it: the code is upper-cased before the check
    const taken = await dispatch(s.calls, 'catalogue.add', { requestId: randomUUID(), code: 'bj-001', fields: { ...fieldsOf(template), name: '另一个事项' } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { code: '该编码已被使用' } } });
    const own = await s.api['catalogue.add']({ code: 'ZX-01', fields: { ...fieldsOf(template), name: '站点自定事项' } });
    expect(own.code).toBe('ZX-01');

    // a retired code is not handed out again
    await s.api['catalogue.retire']({ code: nextBj, revision: added.version, reason: '录入有误' });
    const another = await s.api['catalogue.add']({ fields: { ...fieldsOf(template), name: '门牌证明' } });
    expect(another.code).not.toBe(nextBj);

    const env = await dispatch(s.calls, 'catalogue.add', { requestId: randomUUID(),
      fields: { name: ' ', category: '审核转报', department: '县民政局', materials: ['身份证', '身份证'], timeLimit: { unit: 'workdays', value: 0 }, forwarded: false },
    });
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('VALIDATION');
      expect(env.error.fields).toMatchObject({
        'fields.name': '请填写事项名称',
        'fields.materials.1': '材料“身份证”重复填写',
        'fields.timeLimit.value': '时限至少为 1',
        'fields.forwarded': '“审核转报”类事项须转报县级',
      });
    }
    expect((await dispatch(s.calls, 'catalogue.get', { code: 'no such code!' })).ok).toBe(false);
    expect(await expectAppError(s.api['catalogue.get']({ code: 'ZZ-999' }), 'NOT_FOUND')).toBe('未找到编码为 ZZ-999 的服务事项');
    expect(await expectAppError(s.api['catalogue.get']({ code: 'BJ-001', version: 99 }), 'NOT_FOUND')).toBe('没有第 99 版服务清单');
    s.close();
  });
});

describe('the service interface for intake and county sync', () => {
  it('getItem answers the item in force; getItemAt answers history; both in Chinese when not found', async () => {
    const s = await setUpStation();
    const { service, close } = catalogueService(s.dataDir);
    const item = service.getItem('zb-001');
    expect(item).toMatchObject({ code: 'ZB-001', name: '高龄津贴申请', category: '审核转报', department: '县民政局', forwarded: true, version: 1, timeLimit: { unit: 'workdays', value: 15 } });
    expect(service.search('gljt', 1).map((i) => i.code)).toEqual(['ZB-001']);
    expect(service.currentVersion()).toMatchObject({ version: 1, source: 'seed' });
    await s.api['catalogue.retire']({ code: 'ZB-001', revision: 1, reason: '测试停用' });
    expect(() => service.getItem('ZB-001')).toThrow(/已停用，不能再受理/);
    expect(service.getItemAt('ZB-001', 1).retired).toBe(false);
    expect(service.getItemAt('ZB-001', 2).retired).toBe(true);
    expect(() => service.getItemAt('ZB-999', 1)).toThrow('服务清单第 1 版中没有编码为 ZB-999 的事项');
    close();
    s.close();
  });

  it('imports a county version once: validated, changes applied, missing items retired, the station’s own items kept', async () => {
    const s = await setUpStation();
    const template = await s.api['catalogue.get']({ code: 'BJ-001' });
    const own = await s.api['catalogue.add']({ fields: { ...fieldsOf(template), name: '站点自定事项' } });
    const { service, close } = catalogueService(s.dataDir);

    const bad = { ...SEED, version: '2026.2', items: [{ ...SEED.items[0], timeLimit: { unit: 'days', value: 3 } }] };
    expect(() => service.importVersion(bad, 'county')).toThrow(/^县级服务清单有误：第 1 项（ZD-001）时限单位：请选择承诺时限的单位/);

    const items = SEED.items
      .filter((i) => i.code !== 'ZD-011')
      .map((i) => (i.code === 'ZB-001' ? { ...i, timeLimit: { unit: 'workdays' as const, value: 10 } } : i));
    items.push({ code: 'DB-013', name: '独生子女父母奖励金申领代办', category: '代办服务', department: '县卫健局', materials: ['居民身份证原件及复印件', '独生子女父母光荣证'], timeLimit: { unit: 'workdays', value: 15 }, forwarded: true, notes: null, conditions: null });
    const payload = { version: '2026.2', publishedAt: '2026-03-01', source: '县民政局下发', items };
    const first = service.importVersion(payload, 'county');
    expect(first.created).toBe(true);
    expect(first.version).toMatchObject({ version: 3, label: '2026.2', source: 'county', summary: '县民政局下发：新增 1 项，修改 1 项，停用 1 项', itemCount: items.length + 1 });

    expect(service.getItem('ZB-001').timeLimit).toEqual({ unit: 'workdays', value: 10 });
    expect(service.getItem('ZB-001').version).toBe(3);
    expect(service.getItem('BJ-001').version).toBe(1);
    expect(service.getItem('DB-013').name).toBe('独生子女父母奖励金申领代办');
    expect(service.getItem(own.code).name).toBe('站点自定事项');
    expect(() => service.getItem('ZD-011')).toThrow(/已停用/);
    expect(service.getItemAt('ZD-011', 2).retired).toBe(false);

    // the same push again (a lost answer, a retry) changes nothing
    expect(service.importVersion(structuredClone(payload), 'county')).toMatchObject({ created: false, version: { version: 3 } });
    expect(() => service.importVersion({ ...payload, items: items.slice(1) }, 'county')).toThrow(/已导入过，但本次内容与之前不同/);
    expect(countRows(s.dataDir, 'catalogue_versions')).toBe(3);
    close();

    // the next station edit is labelled after the county version
    const zb = await s.api['catalogue.get']({ code: 'ZB-002' });
    await s.api['catalogue.update']({ code: 'ZB-002', revision: zb.version, fields: { ...fieldsOf(zb), notes: '每月 10 日前集中转报' } });
    const versions = await s.api['catalogue.versions']({});
    expect(versions.map((v) => v.label)).toEqual(['2026.2-本站修订1', '2026.2', `${SEED.version}-本站修订1`, SEED.version]);
    const imported = (await s.api['audit.list']({ limit: 20 })).find((e) => e.action === 'catalogue_version.import');
    expect(imported).toMatchObject({ entity: 'catalogue_version', entityId: '3', actorId: null, detail: { label: '2026.2', added: 1, updated: 1, retired: 1 } });
    expect((await s.api['audit.verify']({})).ok).toBe(true);
    s.close();
  });
});
