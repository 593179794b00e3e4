import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/dispatch';
import { DB_FILE } from '../../main/paths';
import type { PrintableDocument } from '../../main/pdf/types';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { expectAppError, manualClock, setUpStation, tempDir } from '../helpers/station';
import { RARE_NAME, acceptanceData, compact, correctionData, pdfInfo, pdfText } from '../helpers/pdf';
import { documentsService } from '../helpers/documents';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const ACCEPTANCE: PrintableDocument = { kind: 'intake.acceptance', data: acceptanceData() };
const REF = { entity: 'intake', entityId: '01966a3e-0000-7000-8000-000000000001', number: '130102001-20261127-0003' };

/**
 * A station through setup; its documents service as the intake code holds it (issue,
 * reprint); and a read-only handle on the same file for what the API does not show.
 */
async function station() {
  const clock = manualClock('2026-11-27T01:05:00.000Z');
  const s = await setUpStation({ clock });
  const me = (await s.api['auth.session']({}))!.staff;
  const svc = documentsService(s.dataDir, clock);
  const raw = new Database(path.join(s.dataDir, DB_FILE), { readonly: true });
  return {
    ...s,
    clock,
    me,
    raw,
    docs: svc.docs,
    close() {
      raw.close();
      svc.close();
      s.close();
    },
  };
}

describe('migration 0005-documents', () => {
  it('creates the documents archive and the copies table, with their checks', () => {
    const db = openDb(path.join(tempDir(), 'a.db'));
    migrate(db, MIGRATIONS.slice(0, 5));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['documents', 'document_copies']));
    db.prepare("INSERT INTO staff (id, login, name, role, password_hash, created_at, updated_at) VALUES ('s','a','b','clerk','h','t','t')").run();
    const row = { id: 'd', kind: 'k', title: 't', entity: 'e', entity_id: 'x', number: 'n', layout: 'a4', data: '{}', file: 'f', sha256: 'a'.repeat(64), bytes: 1, pages: 1, created_at: 't', created_by: 's' };
    const insert = db.prepare('INSERT INTO documents (id, kind, title, entity, entity_id, number, layout, data, file, sha256, bytes, pages, created_at, created_by) VALUES (@id, @kind, @title, @entity, @entity_id, @number, @layout, @data, @file, @sha256, @bytes, @pages, @created_at, @created_by)');
    insert.run(row);
    expect(() => insert.run({ ...row, id: 'd2', layout: 'a5', file: 'g' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, id: 'd3' })).toThrow(/UNIQUE/);
    expect(() => insert.run({ ...row, id: 'd4', file: 'h', created_by: 'nobody' })).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('documents service on a real SQLite file', () => {
  it('issues: renders, archives under documents/YYYY/MM with its sha256, records and audits in one go', async () => {
    const s = await station();
    const meta = await s.docs.issue(ACCEPTANCE, REF, s.me.id);
    expect(meta).toMatchObject({ kind: 'intake.acceptance', title: '受理回执', number: REF.number, entity: 'intake', entityId: REF.entityId, layout: 'a4', pages: 1, printCount: 0, createdBy: s.me.id, createdByName: '王建国' });

    const file = path.join(s.dataDir, 'documents', '2026', '11', `${REF.number}-intake.acceptance.pdf`);
    const bytes = fs.readFileSync(file);
    expect(sha(bytes)).toBe(meta.sha256);
    expect(bytes.length).toBe(meta.bytes);
    const row = s.raw.prepare<[string], { file: string; sha256: string; data: string }>('SELECT file, sha256, data FROM documents WHERE id = ?').get(meta.id)!;
    expect(row.file).toBe(`documents/2026/11/${REF.number}-intake.acceptance.pdf`);
    expect(row.sha256).toBe(sha(bytes));
    expect(JSON.parse(row.data)).toEqual(ACCEPTANCE);
    expect(compact(pdfText(bytes))).toContain(RARE_NAME);

    const log = await s.api['audit.list']({ limit: 5 });
    expect(log[0]).toMatchObject({ action: 'document.issue', entity: 'document', entityId: meta.id, detail: { kind: 'intake.acceptance', number: REF.number, sha256: meta.sha256, missingGlyphs: 0 } });
    // The audit log names the document, never the resident.
    expect(JSON.stringify(log[0]!.detail)).not.toMatch(/欧阳|13800138000|1234/);
    expect((await s.api['audit.verify']({})).ok).toBe(true);
    s.close();
  });

  it('files a document under the month it was made in Asia/Shanghai, and a second one of the same number beside it', async () => {
    const s = await station();
    s.clock.set('2026-11-30T16:30:00.000Z'); // 00:30 on 1 December in Shanghai
    const a = await s.docs.issue(ACCEPTANCE, REF, s.me.id);
    const b = await s.docs.issue(ACCEPTANCE, REF, s.me.id);
    const files = s.raw.prepare<[], string>('SELECT file FROM documents ORDER BY rowid').pluck().all();
    expect(files).toEqual([`documents/2026/12/${REF.number}-intake.acceptance.pdf`, `documents/2026/12/${REF.number}-intake.acceptance-2.pdf`]);
    expect(s.docs.listFor('intake', REF.entityId).map((d) => d.id)).toEqual([a.id, b.id]);
    expect(s.docs.listFor('intake', 'someone-else')).toEqual([]);
    s.close();
  });

  it('refuses incomplete data and unsafe numbers, and leaves nothing behind', async () => {
    const s = await station();
    const bad = { kind: 'intake.acceptance', data: { ...acceptanceData(), acceptedAt: 'yesterday' } } as PrintableDocument;
    expect(await expectAppError(s.docs.issue(bad, REF, s.me.id), 'VALIDATION')).toMatch(/单据内容不完整.*acceptedAt/);
    expect(await expectAppError(s.docs.issue(ACCEPTANCE, { ...REF, number: '../../etc/passwd' }, s.me.id), 'VALIDATION')).toMatch(/单据编号/);
    expect(s.raw.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    expect(fs.existsSync(path.join(s.dataDir, 'documents'))).toBe(false);
    s.close();
  });

  it('reprints from the stored data: marked 补打 with its number, archived with its own sha256, counted and audited', async () => {
    const s = await station();
    const meta = await s.docs.issue({ kind: 'intake.correction', data: correctionData() }, { ...REF, number: '130102001-20261127-B001' }, s.me.id);
    const original = fs.readFileSync(path.join(s.dataDir, 'documents/2026/11/130102001-20261127-B001-intake.correction.pdf'));

    s.clock.advance(10 * 60_000);
    const first = await s.docs.reprint(meta.id, s.me.id);
    expect(first).toMatchObject({ reprintNo: 1, copyNo: 1, printCount: 1 });
    expect(first.file).toBe(path.join(s.dataDir, 'documents/2026/11/130102001-20261127-B001-intake.correction-reprint-1.pdf'));
    expect(sha(fs.readFileSync(first.file))).toBe(first.sha256);
    const text = compact(pdfText(first.file));
    expect(text).toContain('补打（第1次）');
    expect(text).toContain('补打时间：2026年11月27日09:15');
    expect(text).toContain(RARE_NAME);
    expect(pdfInfo(first.file).pages).toBe(1);

    const second = await s.docs.reprint(meta.id, s.me.id);
    expect(second).toMatchObject({ reprintNo: 2, copyNo: 2, printCount: 2 });
    expect(compact(pdfText(second.file))).toContain('补打（第2次）');
    expect(second.sha256).not.toBe(first.sha256);

    // The original is untouched and still the one documents.get returns.
    const got = await s.api['documents.get']({ id: meta.id });
    expect(Buffer.from(got.pdfBase64, 'base64').equals(original)).toBe(true);
    expect(got.document).toMatchObject({ printCount: 2, lastPrintedAt: '2026-11-27T01:15:00.000Z' });

    const copies = s.raw.prepare<[string], { copy_no: number; reprint_no: number; sha256: string; printer: string | null }>('SELECT copy_no, reprint_no, sha256, printer FROM document_copies WHERE document_id = ? ORDER BY copy_no').all(meta.id);
    expect(copies).toEqual([
      { copy_no: 1, reprint_no: 1, sha256: first.sha256, printer: null },
      { copy_no: 2, reprint_no: 2, sha256: second.sha256, printer: null },
    ]);
    const log = (await s.api['audit.list']({ limit: 10 })).filter((e) => e.entityId === meta.id).map((e) => [e.action, e.detail.reprintNo ?? null]);
    expect(log).toEqual([
      ['document.reprint', 2],
      ['document.reprint', 1],
      ['document.issue', null],
    ]);
    s.close();
  });

  it('refuses to hand out an archived PDF that was changed or removed', async () => {
    const s = await station();
    const meta = await s.docs.issue(ACCEPTANCE, REF, s.me.id);
    const file = path.join(s.dataDir, 'documents/2026/11', `${REF.number}-intake.acceptance.pdf`);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    fs.writeFileSync(file, bytes);
    expect(await expectAppError(s.api['documents.get']({ id: meta.id }), 'CONFLICT')).toMatch(/校验值不一致/);
    fs.rmSync(file);
    expect(await expectAppError(s.api['documents.get']({ id: meta.id }), 'NOT_FOUND')).toMatch(/存档的单据文件不存在/);
    s.close();
  });
});

describe('documents API', () => {
  it('serves the PDF and the list to a signed-in clerk only, and checks its input', async () => {
    const s = await station();
    const meta = await s.docs.issue(ACCEPTANCE, REF, s.me.id);
    const got = await s.api['documents.get']({ id: meta.id });
    expect(sha(Buffer.from(got.pdfBase64, 'base64'))).toBe(meta.sha256);
    expect(await s.api['documents.listFor']({ entity: 'intake', entityId: REF.entityId })).toEqual([meta]);
    await expectAppError(s.api['documents.get']({ id: 'no-such-document' }), 'NOT_FOUND');

    const env = await dispatch(s.calls, 'documents.get', { id: '' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error).toMatchObject({ code: 'VALIDATION', fields: { id: '缺少单据编号' } });

    await s.api['auth.signOut']({});
    await expectAppError(s.api['documents.get']({ id: meta.id }), 'FORBIDDEN');
    await expectAppError(s.api['documents.listFor']({ entity: 'intake', entityId: REF.entityId }), 'FORBIDDEN');
    await expectAppError(s.api['documents.print']({ id: meta.id }), 'FORBIDDEN');
    await expectAppError(s.api['printers.list']({}), 'FORBIDDEN');
    s.close();
  });

  it('says in Chinese that no printer is chosen, and counts nothing', async () => {
    const s = await station();
    const meta = await s.docs.issue(ACCEPTANCE, REF, s.me.id);
    expect(await expectAppError(s.api['documents.print']({ id: meta.id }), 'UNAVAILABLE')).toBe('尚未选择打印机：请在 设置 → 本机设置 中选择');
    expect((await s.api['documents.get']({ id: meta.id })).document.printCount).toBe(0);
    expect((await s.api['printers.list']({})).selected).toBe('');
    s.close();
  });
});
