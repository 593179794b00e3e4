import type { Db } from '../db/open';
import { newId, type Clock } from '../clock';
import type { Tx, Write } from '../db/write';
import { hashPassword } from './password';
import { AppError } from '../../common/errors';
import type { Staff } from '../../common/contract';
import type { Role } from '../../common/roles';
import { passwordProblem } from '../../common/password-rules';

/** The rule the schema cannot check alone: the password against the login it belongs to. */
export function refusePasswordLike(password: string, login: string, field: string): void {
  const problem = passwordProblem(password, login);
  if (problem) throw new AppError('VALIDATION', problem, { [field]: problem });
}

export interface StaffRow {
  id: string;
  login: string;
  name: string;
  role: Role;
  password_hash: string;
  active: number;
  failed_count: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export function toStaff(r: StaffRow, now: Date): Staff {
  const locked = r.locked_until && r.locked_until > now.toISOString() ? r.locked_until : null;
  return {
    id: r.id,
    login: r.login,
    name: r.name,
    role: r.role,
    active: r.active === 1,
    lockedUntil: locked,
    lastSignInAt: r.last_sign_in_at,
    mustChangePassword: r.must_change_password === 1,
    createdAt: r.created_at,
  };
}

/** The record as the county keeps it: who works here and in what role, never a credential. */
export function staffSnapshot(r: StaffRow) {
  return { id: r.id, login: r.login, name: r.name, role: r.role, active: r.active === 1, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function createStaffService(db: Db, clock: Clock, write: Write) {
  const byId = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE id = ?');
  const byLogin = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE login = ?');
  const activeAdmins = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM staff WHERE role = 'admin' AND active = 1");

  function get(id: string): StaffRow {
    const row = byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', '未找到该工作人员');
    return row;
  }

  function list(): Staff[] {
    const now = clock.now();
    return db
      .prepare<[], StaffRow>('SELECT * FROM staff ORDER BY active DESC, created_at')
      .all()
      .map((r) => toStaff(r, now));
  }

  /**
   * Inserts a staff member; the caller wraps it in the transaction that also audits.
   * A password someone else typed (mustChangePassword) has to be replaced at first sign-in.
   */
  function insert(tx: Tx, input: { name: string; login: string; role: Role; passwordHash: string; mustChangePassword: boolean }, actorId: string | null): StaffRow {
    if (byLogin.get(input.login)) {
      throw new AppError('CONFLICT', `登录名“${input.login}”已被使用，请换一个`, { login: '该登录名已被使用' });
    }
    const now = clock.now().toISOString();
    const id = newId(clock);
    db.prepare(
      `INSERT INTO staff (id, login, name, role, password_hash, active, failed_count, must_change_password, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?, ?)`,
    ).run(id, input.login, input.name, input.role, input.passwordHash, input.mustChangePassword ? 1 : 0, now, now);
    const row = get(id);
    tx.change({
      actorId: actorId ?? id,
      action: 'staff.create',
      entity: 'staff',
      entityId: id,
      op: 'create',
      snapshot: staffSnapshot(row),
      detail: { login: input.login, role: input.role, mustChangePassword: input.mustChangePassword },
    });
    return row;
  }

  /** A repeat of the dialog's requestId answers with the account it made, not a second one. */
  async function create(input: { requestId: string; name: string; login: string; role: Role; password: string }, actorId: string): Promise<Staff> {
    refusePasswordLike(input.password, input.login, 'password');
    const passwordHash = await hashPassword(input.password);
    const { value } = write.once({ requestId: input.requestId, call: 'staff.create', actorId }, (tx) => ({ id: insert(tx, { name: input.name, login: input.login, role: input.role, passwordHash, mustChangePassword: true }, actorId).id }));
    return toStaff(get(value.id), clock.now());
  }

  function update(input: { id: string; name?: string; role?: Role; active?: boolean }, actorId: string): Staff {
    const row = write((tx) => {
        const before = get(input.id);
        const role = input.role ?? before.role;
        const active = input.active ?? before.active === 1;
        if (before.id === actorId && (!active || role !== before.role)) {
          throw new AppError('CONFLICT', '不能停用自己的账号或修改自己的角色，请由其他管理员操作');
        }
        const losesAdmin = before.role === 'admin' && before.active === 1 && (role !== 'admin' || !active);
        if (losesAdmin && (activeAdmins.get()?.n ?? 0) <= 1) {
          throw new AppError('CONFLICT', '至少需要保留一名在用的管理员');
        }
        const changed: string[] = [];
        if (input.name !== undefined && input.name !== before.name) changed.push('name');
        if (role !== before.role) changed.push('role');
        if (active !== (before.active === 1)) changed.push('active');
        if (changed.length === 0) return before;
        db.prepare('UPDATE staff SET name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?').run(
          input.name ?? before.name,
          role,
          active ? 1 : 0,
          clock.now().toISOString(),
          before.id,
        );
        const after = get(before.id);
        tx.change({
          actorId,
          action: 'staff.update',
          entity: 'staff',
          entityId: before.id,
          op: 'update',
          snapshot: staffSnapshot(after),
          detail: { login: before.login, changed, ...(changed.includes('role') ? { role: { from: before.role, to: role } } : {}), ...(changed.includes('active') ? { active } : {}) },
        });
        return get(before.id);
      });
    return toStaff(row, clock.now());
  }

  /**
   * A reset puts a password the administrator typed on the account, so its owner must
   * replace it; a change by the owner clears that. `required` says the change was the
   * forced one, for the log.
   */
  async function setPassword(id: string, password: string, actorId: string, action: 'staff.resetPassword' | 'staff.changePassword'): Promise<Staff> {
    refusePasswordLike(password, get(id).login, action === 'staff.changePassword' ? 'next' : 'password');
    const hash = await hashPassword(password);
    const mustChange = action === 'staff.resetPassword';
    const row = write((tx) => {
        const before = get(id);
        db.prepare('UPDATE staff SET password_hash = ?, failed_count = 0, locked_until = NULL, must_change_password = ?, updated_at = ? WHERE id = ?').run(
          hash,
          mustChange ? 1 : 0,
          clock.now().toISOString(),
          id,
        );
        const detail = mustChange ? { login: before.login, mustChangePassword: true } : { login: before.login, required: before.must_change_password === 1 };
        tx.note({ actorId, action, entity: 'staff', entityId: id, detail });
        return get(id);
      });
    return toStaff(row, clock.now());
  }

  function unlock(id: string, actorId: string): Staff {
    const row = write((tx) => {
        const before = get(id);
        db.prepare('UPDATE staff SET failed_count = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(clock.now().toISOString(), id);
        tx.note({ actorId, action: 'staff.unlock', entity: 'staff', entityId: id, detail: { login: before.login } });
        return get(id);
      });
    return toStaff(row, clock.now());
  }

  return { get, byLogin: (login: string) => byLogin.get(login), list, insert, create, update, setPassword, unlock };
}

export type StaffService = ReturnType<typeof createStaffService>;
