/**
 * Per-staff permission grants (migration 0016): what the 站长 hands one staff member beyond
 * their role. A grant held by a disabled account counts for nothing; a withdrawal deletes
 * the row. Both are audited with the login and the permission, nothing else.
 */
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { Write } from '../db/write';
import { AppError } from '../../common/errors';
import { can, GRANT_LABELS, GRANTABLE, isGrantable, PERMISSIONS, ROLE_LABELS, type GrantablePermission, type Permission, type Role } from '../../common/roles';
import type { StaffGrants } from '../../common/contracts/grants';

interface StaffLite {
  id: string;
  login: string;
  name: string;
  role: Role;
  active: number;
}

export function createGrants(db: Db, clock: Clock, write: Write) {
  const activeGrants = db.prepare<[string], { permission: string }>(
    'SELECT g.permission FROM staff_grants g JOIN staff s ON s.id = g.staff_id WHERE g.staff_id = ? AND s.active = 1 ORDER BY g.permission',
  );
  const allGrants = db.prepare<[string], { permission: string }>('SELECT permission FROM staff_grants WHERE staff_id = ? ORDER BY permission');
  const staffById = db.prepare<[string], StaffLite>('SELECT id, login, name, role, active FROM staff WHERE id = ?');
  const staffAll = db.prepare<[], StaffLite>('SELECT id, login, name, role, active FROM staff ORDER BY active DESC, created_at');
  const insert = db.prepare('INSERT INTO staff_grants (staff_id, permission, granted_by, granted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const remove = db.prepare('DELETE FROM staff_grants WHERE staff_id = ? AND permission = ?');

  /** The grantable permissions an ACTIVE account holds by grant (a disabled one holds none). */
  function grantsOf(staffId: string): GrantablePermission[] {
    return activeGrants
      .all(staffId)
      .map((r) => r.permission)
      .filter(isGrantable);
  }

  function view(s: StaffLite): StaffGrants {
    return { id: s.id, login: s.login, name: s.name, role: s.role, active: s.active === 1, grants: allGrants.all(s.id).map((r) => r.permission).filter(isGrantable) };
  }

  function list(): StaffGrants[] {
    return staffAll.all().map(view);
  }

  function set(input: { staffId: string; permission: GrantablePermission; granted: boolean }, actorId: string): StaffGrants {
    // the schema already says so; this holds for a caller that bypassed it
    if (!isGrantable(input.permission)) throw new AppError('VALIDATION', '该权限不能单独授予');
    return write((tx) => {
      const target = staffById.get(input.staffId);
      if (!target) throw new AppError('NOT_FOUND', '未找到该工作人员');
      const label = GRANT_LABELS[input.permission];
      const held = allGrants.all(target.id).some((r) => r.permission === input.permission);
      if (input.granted) {
        if (can(target.role, input.permission)) throw new AppError('CONFLICT', `${ROLE_LABELS[target.role]}本身已有“${label}”的权限，无需单独授予`);
        if (target.active !== 1) throw new AppError('CONFLICT', '该账号已停用，不能授予权限');
        if (held) return view(target);
        insert.run(target.id, input.permission, actorId, clock.now().toISOString());
        tx.note({ actorId, action: 'staff.grant', entity: 'staff', entityId: target.id, detail: { login: target.login, permission: input.permission } });
      } else {
        if (!held) return view(target);
        remove.run(target.id, input.permission);
        tx.note({ actorId, action: 'staff.revokeGrant', entity: 'staff', entityId: target.id, detail: { login: target.login, permission: input.permission } });
      }
      return view(target);
    });
  }

  /** Everything this person may do: their role's permissions, then their grants. */
  function permissionsOf(who: { id: string; role: Role }): Permission[] {
    const mine = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(who.role, p));
    for (const g of grantsOf(who.id)) if (!mine.includes(g)) mine.push(g);
    return mine;
  }

  return { grantsOf, list, set, permissionsOf, grantable: GRANTABLE };
}

export type Grants = ReturnType<typeof createGrants>;
