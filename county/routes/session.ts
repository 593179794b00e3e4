/**
 * The county admin's cookie session: the cookie carries a random token (the store keeps its
 * hash in PostgreSQL, so any instance accepts it); mutating calls also need the CSRF header
 * the sign-in answer gave, which a page on another site cannot read or send.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../../common/county/admin';
import { CountyError, type AdminIdentity, type CountyStore } from '../store/types';

export const SESSION_COOKIE = 'sd_county';
const COOKIE_PATH = '/admin/api';

export interface AdminContext extends AdminIdentity {
  csrf: string;
  token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    admin: AdminContext | null;
  }
}

export function readCookie(req: FastifyRequest, name: string): string | null {
  const header = String(req.headers.cookie ?? '');
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** Secure whenever the page was reached over https (directly, or through a TLS proxy the server trusts). */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expiresAt: string): void {
  const maxAge = Math.max(0, Math.floor((new Date(expiresAt).getTime() - Date.now()) / 1000));
  const secure = req.protocol === 'https' ? '; Secure' : '';
  reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=${COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`);
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  const secure = req.protocol === 'https' ? '; Secure' : '';
  reply.header('set-cookie', `${SESSION_COOKIE}=; Path=${COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Strict${secure}`);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** onRequest hook: a signed-in admin, and the CSRF header on anything that changes data. */
export function requireAdmin(store: CountyStore) {
  return async (req: FastifyRequest): Promise<void> => {
    const token = readCookie(req, SESSION_COOKIE);
    const session = token ? await store.adminSession(token) : null;
    if (!token || !session) throw new CountyError('UNAUTHORIZED', '登录已过期或尚未登录，请重新登录');
    if (MUTATING.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameText(sent, session.csrf)) throw new CountyError('FORBIDDEN', '请求缺少安全校验，请刷新页面后重试');
    }
    req.admin = { ...session, token };
  };
}

export function adminOf(req: FastifyRequest): AdminContext {
  if (!req.admin) throw new CountyError('UNAUTHORIZED', '登录已过期或尚未登录，请重新登录');
  return req.admin;
}
