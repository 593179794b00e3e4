/**
 * The hall screen's links: each carries its own random token, kept only as its sha256 and
 * shown once, that reads the public wall and nothing else (main/host/lobby.ts is the only
 * place that accepts it; it is never a session and never the host's per-start token).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ServiceContext, ApiPart, StaffActor } from '../context';
import { AppError } from '../../common/errors';
import { newId } from '../clock';

interface LinkRow {
  id: string;
  label: string;
  created_at: string;
  created_by_name: string;
  revoked_at: string | null;
}

/** the token's own shape: 43 base64url characters after a prefix that says what it is */
export const LOBBY_TOKEN = /^lobby_[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function createLobbyLinks(ctx: ServiceContext) {
  const { db, clock, write } = ctx;
  const SELECT = 'SELECT l.id, l.label, l.created_at, s.name AS created_by_name, l.revoked_at FROM wish_lobby_links l JOIN staff s ON s.id = l.created_by';
  const byId = db.prepare<[string], LinkRow>(`${SELECT} WHERE l.id = ?`);
  const live = db.prepare<[string], { id: string }>('SELECT id FROM wish_lobby_links WHERE token_hash = ? AND revoked_at IS NULL');

  const linkOf = (r: LinkRow) => ({ id: r.id, label: r.label, createdAt: r.created_at, createdByName: r.created_by_name, revokedAt: r.revoked_at });

  const api: ApiPart<'wishes.lobbyCreate' | 'wishes.lobbyRevoke' | 'wishes.lobbyList'> = {
    async 'wishes.lobbyCreate'({ label }, me: StaffActor) {
      const token = `lobby_${randomBytes(32).toString('base64url')}`;
      const id = write((tx) => {
        const linkId = newId(clock);
        db.prepare('INSERT INTO wish_lobby_links (id, label, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(linkId, label, hashOf(token), clock.now().toISOString(), me.id);
        tx.note({ actorId: me.id, action: 'wish_lobby_link.create', entity: 'wish_lobby_link', entityId: linkId, detail: { label } });
        return linkId;
      });
      return { link: linkOf(byId.get(id)!), token, path: `/lobby/?t=${token}` };
    },
    async 'wishes.lobbyRevoke'({ id }, me) {
      write((tx) => {
        const r = byId.get(id);
        if (!r) throw new AppError('NOT_FOUND', '未找到该大厅屏链接');
        if (r.revoked_at) return;
        db.prepare('UPDATE wish_lobby_links SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(clock.now().toISOString(), me.id, id);
        tx.note({ actorId: me.id, action: 'wish_lobby_link.revoke', entity: 'wish_lobby_link', entityId: id, detail: { label: r.label } });
      });
      return { link: linkOf(byId.get(id)!) };
    },
    async 'wishes.lobbyList'() {
      return db.prepare<[], LinkRow>(`${SELECT} ORDER BY l.revoked_at IS NOT NULL, l.created_at DESC`).all().map(linkOf);
    },
  };

  return {
    api,
    /** true for a live lobby token; anything else (a session, the host token, a revoked link) is false */
    verify(token: string | null | undefined): boolean {
      if (typeof token !== 'string' || !LOBBY_TOKEN.test(token)) return false;
      return live.get(hashOf(token)) !== undefined;
    },
  };
}
