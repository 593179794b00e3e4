/**
 * The entity and action names are part of two hash chains and of the county protocol:
 * one list (common/entities.ts), one naming scheme, and nothing else gets written.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, ENTITIES, LEGACY_ACTIONS, LEGACY_ENTITIES } from '../../common/entities';
import { actionLabel, entityLabel } from '../../common/audit-labels';
import { createAudit } from '../../main/services/audit';
import { createWriter, type AuditEvent } from '../../main/db/write';
import { openDb } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { manualClock, tempDir } from '../helpers/station';

describe('entity and action names', () => {
  it('follow one scheme: entities singular snake_case, actions <entity>.<verb> about that entity', () => {
    for (const e of Object.keys(ENTITIES)) expect(e, e).toMatch(/^[a-z]+(_[a-z]+)*$/);
    for (const [a, { entity }] of Object.entries(ACTIONS)) {
      expect(a, a).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z][A-Za-z]*$/);
      expect(a.split('.')[0], a).toBe(entity);
    }
  });

  it('old names found in existing logs still read in Chinese, as what they mean now', () => {
    expect(actionLabel('auth.signIn')).toBe('登录');
    expect(actionLabel('documents.print')).toBe(actionLabel('document.print'));
    expect(actionLabel('catalogue.seed')).toBe('载入初始服务清单');
    expect(actionLabel('intake.forward')).toBe('转报代办事项');
    expect(actionLabel('setup.init')).toBe('初始化本站');
    expect(entityLabel('catalogue')).toBe('服务清单');
    expect(entityLabel('audit')).toBe('操作日志');
    for (const old of Object.keys(LEGACY_ACTIONS)) expect(actionLabel(old), old).not.toMatch(/其他操作/);
    for (const old of Object.keys(LEGACY_ENTITIES)) expect(entityLabel(old), old).not.toMatch(/其他记录/);
    // an old name is never reused for something new
    for (const old of Object.keys(LEGACY_ACTIONS)) expect(Object.keys(ACTIONS), old).not.toContain(old);
  });

  it('audit.append takes only listed names: a type error, and refused at run time', () => {
    const db = openDb(path.join(tempDir(), 'n.db'));
    migrate(db);
    const audit = createAudit(db, manualClock());
    const write = createWriter(db, manualClock(), audit.append);

    // @ts-expect-error an action outside common/entities.ts does not type-check
    const unknown: AuditEvent = { actorId: null, action: 'wishes.claim', entity: 'resident' };
    // @ts-expect-error an action's entity is fixed by the list
    const mismatched: AuditEvent = { actorId: null, action: 'resident.create', entity: 'staff' };
    // @ts-expect-error an old name is not accepted for a new row
    const legacy: AuditEvent = { actorId: null, action: 'auth.signIn', entity: 'staff' };

    for (const e of [unknown, mismatched, legacy]) {
      expect(() => audit.append(e)).toThrow(/audit action|is about/);
      expect(() => write((tx) => tx.note(e))).toThrow(/audit action|is about/);
    }
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    write((tx) => tx.note({ actorId: null, action: 'settings.update', entity: 'settings', entityId: 'machine' }));
    expect(db.prepare('SELECT action FROM audit_log').pluck().all()).toEqual(['settings.update']);
    db.close();
  });
});
