import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  CATEGORY_CODE_PREFIX,
  ItemFields,
  PublishedCatalogue,
  TimeLimit,
  describeCatalogueIssue,
  matchRank,
  searchItems,
  timeLimitText,
} from '../../common/catalogue';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { loadSeed, pinyinOf, seedPath } from '../../main/services/catalogue';
import { defaultResourcesDir } from '../../main/station';
import { tempDir } from '../helpers/station';

const SEED = seedPath(defaultResourcesDir());
const seedRaw = () => JSON.parse(fs.readFileSync(SEED, 'utf8')) as { items: Record<string, unknown>[] } & Record<string, unknown>;

function writeSeed(content: unknown): string {
  const file = path.join(tempDir(), 'seed.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function loadError(file: string): { code: string; message: string } {
  try {
    loadSeed(file);
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error('the seed was accepted');
}

describe('the shipped seed (resources/catalogue/seed.json)', () => {
  const seed = loadSeed(SEED);

  it('validates and has at least 40 items across all four categories', () => {
    expect(seed.version).toMatch(/\S/);
    expect(seed.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(seed.items.length).toBeGreaterThanOrEqual(40);
    for (const c of CATEGORIES) expect(seed.items.filter((i) => i.category === c).length, c).toBeGreaterThanOrEqual(5);
  });

  it('gives every item materials, a time limit, a department and a code in its category’s scheme', () => {
    for (const item of seed.items) {
      expect(item.materials.length, item.code).toBeGreaterThan(0);
      expect(TimeLimit.safeParse(item.timeLimit).success, item.code).toBe(true);
      expect(item.department.length, item.code).toBeGreaterThan(1);
      expect(item.code.startsWith(`${CATEGORY_CODE_PREFIX[item.category]}-`), item.code).toBe(true);
    }
    expect(seed.items.filter((i) => i.category === '审核转报').every((i) => i.forwarded)).toBe(true);
    expect(seed.items.filter((i) => i.category === '可直接办结').every((i) => !i.forwarded)).toBe(true);
    // the three kinds of promise all occur, so receipts are exercised on each
    expect(new Set(seed.items.map((i) => i.timeLimit.unit))).toEqual(new Set(['workdays', 'hours', 'immediate']));
  });

  it('holds the items the issue names', () => {
    const names = seed.items.map((i) => i.name);
    for (const n of ['高龄津贴申请', '老年证办理', '残疾人证申领', '医保报销代办', '居住证明', '计划生育证明', '社保卡补办']) expect(names).toContain(n);
  });
});

describe('a broken seed is refused whole, with a Chinese sentence saying where', () => {
  it('names the missing file', () => {
    const e = loadError(path.join(tempDir(), 'seed.json'));
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toMatch(/找不到服务清单初始数据文件（seed\.json）/);
  });

  it('says when the file is not JSON', () => {
    expect(loadError(writeSeed('{ "version": "2026.1", ')).message).toMatch(/不是有效的 JSON/);
  });

  it('points at the item and field that are wrong', () => {
    const raw = seedRaw();
    raw.items[3] = { ...raw.items[3], category: '便民服务' };
    expect(loadError(writeSeed(raw)).message).toMatch(new RegExp(`第 4 项（${String(raw.items[3]!.code)}）事项类别：请选择事项类别`));

    const noLimit = seedRaw();
    noLimit.items[0] = { ...noLimit.items[0], timeLimit: { unit: 'workdays', value: 0 } };
    expect(loadError(writeSeed(noLimit)).message).toMatch(/第 1 项（ZD-001）时限数值：时限至少为 1/);

    const emptyMaterial = seedRaw();
    emptyMaterial.items[1] = { ...emptyMaterial.items[1], materials: ['居民身份证', ' '] };
    expect(loadError(writeSeed(emptyMaterial)).message).toMatch(/第 2 项（ZD-002）所需材料第 2 条：请填写材料名称/);
  });

  it('refuses duplicate codes and a 审核转报 item that is not forwarded', () => {
    const dup = seedRaw();
    dup.items[5] = { ...dup.items[5], code: dup.items[0]!.code };
    expect(loadError(writeSeed(dup)).message).toMatch(/事项编码 ZD-001 与第 1 项重复/);

    const raw = seedRaw();
    const at = raw.items.findIndex((i) => i.category === '审核转报');
    raw.items[at] = { ...raw.items[at], forwarded: false };
    expect(loadError(writeSeed(raw)).message).toMatch(/“审核转报”类事项须转报县级/);
  });

  it('refuses a list without items or version', () => {
    expect(loadError(writeSeed({ version: '2026.1', publishedAt: '2026-01-01', source: '测试', items: [] })).message).toMatch(/清单中没有任何事项/);
    expect(loadError(writeSeed({ publishedAt: '2026-02-30', source: '测试', items: [] })).message).toMatch(/清单版本号：请填写清单版本号/);
  });
});

describe('item fields', () => {
  const good = { name: '测试事项', category: '代办服务', department: '县民政局', materials: ['居民身份证'], timeLimit: { unit: 'workdays', value: 5 }, forwarded: true };

  it('accepts a good item and turns an empty note into null', () => {
    const r = ItemFields.parse({ ...good, notes: '  ' });
    expect(r.notes).toBeNull();
  });

  it('explains every refusal in Chinese, at the field', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: '' }, 'name', /请填写事项名称/],
      [{ category: '其他' }, 'category', /请选择事项类别/],
      [{ materials: [] }, 'materials', /请至少填写一项所需材料/],
      [{ materials: ['户口簿', '户口簿'] }, 'materials.1', /材料“户口簿”重复填写/],
      [{ timeLimit: { unit: 'hours', value: 100 } }, 'timeLimit.value', /时限最多 72 小时/],
      [{ timeLimit: { unit: 'weeks', value: 1 } }, 'timeLimit.unit', /请选择承诺时限的单位/],
      [{ timeLimit: { unit: 'workdays', value: 1.5 } }, 'timeLimit.value', /时限须为整数/],
      [{ category: '可直接办结', forwarded: true }, 'forwarded', /不能设为转报县级/],
      [{ notes: '字'.repeat(501) }, 'notes', /备注不能超过 500 个字/],
    ];
    for (const [patch, at, message] of cases) {
      const r = ItemFields.safeParse({ ...good, ...patch });
      expect(r.success, at).toBe(false);
      if (r.success) continue;
      const issue = r.error.issues.find((i) => i.path.join('.') === at || (at === 'timeLimit.unit' && i.path.join('.') === 'timeLimit'));
      expect(issue?.message, at).toMatch(message);
    }
  });

  it('says the time limit in the receipt’s words', () => {
    expect(timeLimitText({ unit: 'workdays', value: 5 })).toBe('5 个工作日');
    expect(timeLimitText({ unit: 'hours', value: 2 })).toBe('2 小时');
    expect(timeLimitText({ unit: 'immediate' })).toBe('当场办结');
  });

  it('describes a county list’s top-level problem without an item number', () => {
    const raw = { version: '2026.2', publishedAt: '2026-13-01', source: '县级', items: [] };
    const r = PublishedCatalogue.safeParse(raw);
    expect(r.success).toBe(false);
    if (!r.success) expect(describeCatalogueIssue(r.error, raw)).toMatch(/^发布日期：/);
  });
});

describe('pinyin and ranking', () => {
  it('stores initials and the full spelling, context-aware for polyphones', () => {
    expect(pinyinOf('高龄津贴申请')).toEqual({ initials: 'gljtsq', full: 'gaolingjintieshenqing' });
    expect(pinyinOf('重度残疾人护理补贴').initials).toBe('zdcjrhlbt');
    expect(pinyinOf('低保、特困救助咨询转介').initials).toBe('dbtkjzzxzj');
    expect(pinyinOf('60 周岁老人').initials).toBe('60zslr');
  });

  const item = (code: string, name: string) => ({ code, name, pinyinInitials: pinyinOf(name).initials, pinyinFull: pinyinOf(name).full });
  const items = [item('ZB-001', '高龄津贴申请'), item('BJ-001', '居住证明'), item('DB-002', '社保卡补办'), item('BJ-012', '社保卡临时挂失'), item('ZD-010', '高龄津贴到龄提醒')];

  it('finds by name, initials, full pinyin and code', () => {
    expect(searchItems(items, '居住').map((i) => i.code)).toEqual(['BJ-001']);
    expect(searchItems(items, 'gljt').map((i) => i.code)).toEqual(['ZB-001', 'ZD-010']);
    expect(searchItems(items, 'GL').map((i) => i.code)).toEqual(['ZB-001', 'ZD-010']);
    // equally good matches keep code order, so the list does not jump about between keystrokes
    expect(searchItems(items, 'shebao').map((i) => i.code)).toEqual(['BJ-012', 'DB-002']);
    expect(searchItems(items, 'zb-001').map((i) => i.code)).toEqual(['ZB-001']);
    expect(searchItems(items, 'bj001').map((i) => i.code)).toEqual(['BJ-001']);
    expect(searchItems(items, '不存在')).toEqual([]);
    expect(searchItems(items, '  ')).toEqual([]);
  });

  it('ranks an exact code above a name, a name start above a name middle, and a name above pinyin', () => {
    expect(matchRank(items[0]!, 'ZB-001')).toBeLessThan(matchRank(items[0]!, '高龄')!);
    expect(matchRank(items[2]!, '社保')).toBeLessThan(matchRank(items[2]!, '补办')!);
    expect(matchRank(items[0]!, '高龄')).toBeLessThan(matchRank(items[0]!, 'gl')!);
    // initials at the start of a name beat initials in its middle: "bb" is 社保卡补办's end
    expect(matchRank(items[2]!, 'sbk')).toBeLessThan(matchRank(items[2]!, 'kbb')!);
    expect(searchItems(items, 'lsgs').map((i) => i.code)).toEqual(['BJ-012']);
  });
});

describe('migration 0003-catalogue', () => {
  function migrated() {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO catalogue_versions (id, label, source, published_at, item_count, created_at) VALUES (1, '2026.1', 'seed', '2026-01-01', 1, 't')").run();
    return db;
  }
  const insertItem = (db: ReturnType<typeof migrated>, patch: Record<string, unknown>) =>
    db
      .prepare(
        `INSERT INTO catalogue_items (code, version_id, name, category, department, materials, time_limit_unit, time_limit_value, forwarded, pinyin_initials, pinyin_full, created_at)
         VALUES (@code, 1, '事项', @category, '县民政局', @materials, @unit, @value, @forwarded, 'sx', 'shixiang', 't')`,
      )
      .run({ code: 'DB-001', category: '代办服务', materials: '["身份证"]', unit: 'workdays', value: 5, forwarded: 1, ...patch });

  it('creates versions and items, and checks what the schema can check', () => {
    const db = migrated();
    insertItem(db, {});
    expect(() => insertItem(db, { code: 'X1', category: '其他' })).toThrow(/CHECK/);
    expect(() => insertItem(db, { code: 'X2', materials: '{"a":1}' })).toThrow(/CHECK/);
    expect(() => insertItem(db, { code: 'X3', unit: 'immediate', value: 3 })).toThrow(/CHECK/);
    expect(() => insertItem(db, { code: 'X4', unit: 'hours', value: null })).toThrow(/CHECK/);
    expect(() => insertItem(db, { code: 'X5', category: '审核转报', forwarded: 0 })).toThrow(/CHECK/);
    expect(() => insertItem(db, { code: 'DB-001' })).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO catalogue_versions (label, source, published_at, item_count, created_at) VALUES ('x', 'other', 'd', 0, 't')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('keeps history append-only', () => {
    const db = migrated();
    insertItem(db, {});
    expect(() => db.prepare("UPDATE catalogue_items SET name = '改'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM catalogue_items').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE catalogue_versions SET label = '改'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM catalogue_versions').run()).toThrow(/append-only/);
    db.close();
  });
});
