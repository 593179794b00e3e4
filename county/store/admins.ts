import { hashPassword, randomSecret, randomText, sha256, verifyPassword } from './crypto';
import { nowIso, type Ctx } from './context';
import { CountyError, type AdminIdentity, type AdminSessionIssued } from './types';

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function adminsStore(ctx: Ctx) {
  const { sql, countyId } = ctx;
  return {
    async createAdmin(login: string, name: string) {
      const l = login.trim();
      const n = name.trim();
      if (!/^[A-Za-z0-9_.-]{1,32}$/.test(l)) throw new CountyError('VALIDATION', '登录名为 1–32 位字母、数字或 _ . -');
      if (n.length === 0 || n.length > 30) throw new CountyError('VALIDATION', '请填写姓名（不超过 30 个字）');
      const password = randomText(14, PASSWORD_ALPHABET);
      const [r] = await sql.query<{ login: string }>('INSERT INTO admins (county_id, login, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING login', [countyId, l, n, await hashPassword(password), nowIso(ctx)]);
      if (!r) throw new CountyError('CONFLICT', `登录名 ${l} 已被使用`);
      return { login: l, name: n, password };
    },

    async verifyAdmin(login: string, password: string): Promise<AdminIdentity | null> {
      const [r] = await sql.query<{ login: string; name: string; password_hash: string }>('SELECT login, name, password_hash FROM admins WHERE county_id = $1 AND login = $2', [countyId, login.trim()]);
      const ok = await verifyPassword(password, r?.password_hash ?? null);
      return ok && r ? { login: r.login, name: r.name } : null;
    },

    async openAdminSession(login: string): Promise<AdminSessionIssued> {
      const token = randomSecret();
      const csrf = randomSecret(18);
      const now = ctx.clock.now();
      const expiresAt = new Date(now.getTime() + ctx.adminSessionTtlMs).toISOString();
      await sql.query('DELETE FROM admin_sessions WHERE county_id = $1 AND expires_at <= $2', [countyId, now.toISOString()]);
      const [r] = await sql.query<{ name: string }>(
        `INSERT INTO admin_sessions (token_hash, county_id, login, csrf, expires_at) SELECT $1, county_id, login, $4, $5 FROM admins WHERE county_id = $2 AND login = $3
         RETURNING (SELECT name FROM admins WHERE county_id = $2 AND login = $3) AS name`,
        [sha256(token), countyId, login, csrf, expiresAt],
      );
      if (!r) throw new CountyError('NOT_FOUND', '没有这个管理员');
      return { login, name: r.name, token, csrf, expiresAt };
    },

    async adminSession(token: string) {
      const [r] = await sql.query<{ login: string; name: string; csrf: string }>(
        'SELECT a.login, a.name, s.csrf FROM admin_sessions s JOIN admins a ON a.county_id = s.county_id AND a.login = s.login WHERE s.token_hash = $1 AND s.county_id = $2 AND s.expires_at > $3',
        [sha256(token), countyId, nowIso(ctx)],
      );
      return r ?? null;
    },

    async closeAdminSession(token: string): Promise<void> {
      await sql.query('DELETE FROM admin_sessions WHERE token_hash = $1', [sha256(token)]);
    },
  };
}
