/**
 * Every action main writes to the 操作日志 must read in Chinese. The actions are found
 * in the source, so one added anywhere under main/ without a label fails here, by name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, actionLabel, detailText, hasActionLabel, recordText } from '../../common/audit-labels';

const MAIN = path.resolve(__dirname, '../../main');
const ACTION_CODE = /'([a-z][A-Za-z_]*(?:\.[A-Za-z]+)+)'/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/**
 * The action codes in one file: the value of any `action:` / `action =` (a literal, a
 * ternary of literals, or a union type of them), and a literal passed first to
 * append / note / end (auth's sign-out reasons).
 */
export function actionsIn(source: string): string[] {
  const found = new Set<string>();
  const carriers = [/\baction\??\s*[:=]\s*([^,;{}\n]+)/g, /\b(?:append|note|end)\(\s*('[^']+')/g];
  for (const carrier of carriers) {
    for (const m of source.matchAll(carrier)) {
      for (const lit of (m[1] ?? '').matchAll(ACTION_CODE)) found.add(lit[1]!);
    }
  }
  return [...found];
}

function writtenActions(): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const file of sourceFiles(MAIN)) {
    for (const a of actionsIn(fs.readFileSync(file, 'utf8'))) {
      where.set(a, [...(where.get(a) ?? []), path.relative(path.resolve(MAIN, '..'), file)]);
    }
  }
  return where;
}

describe('操作日志 labels', () => {
  it('the scan finds the actions it should (so an empty result cannot pass)', () => {
    expect(actionsIn("audit.append({ actorId, action: job ? 'documents.print' : 'documents.reprint', entity: 'document' })")).toEqual(['documents.print', 'documents.reprint']);
    expect(actionsIn("function f(action: 'catalogue.add' | 'catalogue.update') {}")).toEqual(['catalogue.add', 'catalogue.update']);
    expect(actionsIn("end('auth.idleSignOut'); tx.note('wishes.publish', {})")).toEqual(['auth.idleSignOut', 'wishes.publish']);
    const all = writtenActions();
    for (const known of ['document.print', 'staff.idleSignOut', 'staff.signInFailed', 'catalogue_item.restore', 'staff.resetPassword', 'intake.transition', 'audit_log.export']) {
      expect(all.has(known), known).toBe(true);
    }
  });

  it('has a Chinese label for every action written anywhere in main', () => {
    const missing = [...writtenActions()].filter(([a]) => !hasActionLabel(a)).map(([a, files]) => `${a}  (${files.join(', ')})`);
    // Add each one listed to ACTION_LABELS in common/audit-labels.ts.
    expect(missing, `actions without a label in common/audit-labels.ts:\n${missing.join('\n')}`).toEqual([]);
  });

  it('labels are Chinese, and an unknown action still reads as one', () => {
    for (const [code, label] of Object.entries(ACTION_LABELS)) expect(label, code).toMatch(/^[\u4e00-\u9fff]/);
    expect(actionLabel('wishes.claim')).toBe('其他操作（wishes.claim）');
  });

  it('turns a print entry into Chinese: kind, copy, digest, job', () => {
    const entry = {
      action: 'documents.print',
      entity: 'document',
      entityId: '0193abcd',
      detail: { kind: 'intake.acceptance', number: '130102001-20261127-0001', copyNo: 1, reprintNo: null, sha256: 'ab'.repeat(32), printer: 'StationPDF', jobId: 'StationPDF-12' },
    };
    expect(actionLabel(entry.action)).toBe('打印单据');
    expect(detailText(entry)).toBe(
      '单据类型：受理回执；单据编号：130102001-20261127-0001；第几份：1；补打次数：无；文件校验码：abababababab…；打印机：StationPDF；打印任务号：StationPDF-12',
    );
    expect(recordText(entry)).toBe('单据 130102001-20261127-0001');
  });

  it('shows what people typed as typed, even a login that reads like a code', () => {
    expect(detailText({ action: 'auth.signIn', entity: 'staff', entityId: 'x', detail: { login: 'admin' } })).toBe('登录名：admin');
    expect(detailText({ action: 'staff.create', entity: 'staff', entityId: 'x', detail: { login: 'import', role: 'admin' } })).toBe('登录名：import；角色：管理员');
  });

  it('names changed fields, roles, statuses, booleans and instants in Chinese', () => {
    expect(detailText({ action: 'staff.update', entity: 'staff', entityId: 'x', detail: { login: 'lina', changed: ['role', 'active'], role: { from: 'clerk', to: 'head' }, active: false } })).toBe(
      '登录名：lina；修改项：角色、启用；角色：原 窗口人员，新 站长；启用：否',
    );
    expect(detailText({ action: 'intake.transition', entity: 'intake', entityId: 'x', detail: { receiptNo: 'N1', from: 'accepted', to: 'forwarded' } })).toBe('回执编号：N1；原状态：已受理；新状态：已转报');
    expect(detailText({ action: 'auth.locked', entity: 'staff', entityId: 'x', detail: { until: '2026-11-27T01:15:00.000Z' } })).toBe('锁定至：2026/11/27 09:15');
    expect(detailText({ action: 'documents.issue', entity: 'document', entityId: 'x', detail: { of: { entity: 'intake', entityId: 'abc' } } })).toBe('所属记录：代办事项');
  });
});
