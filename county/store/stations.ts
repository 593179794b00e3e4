import { randomUUID } from 'node:crypto';
import { StationRow } from '../../common/county/admin';
import { StationToken, type EnrollRequest, type EnrollResponse } from '../../common/county/protocol';
import { newEnrollmentCode, newStationToken, sameDigest, sha256 } from './crypto';
import { nowIso, type Ctx } from './context';
import { CountyError, type AuthedStation, type DayCloseRow, type EnrollmentIssued, type RejectedEventRow, type StationCreate } from './types';

const STATION_COLUMNS = `s.id, s.code, s.name, s.status, s.enrolled_at, s.device_name, s.last_push_at, s.last_pull_at, s.acked_through, s.backlog,
  s.audit_head_seq, s.audit_head_hash, s.audit_head_at, s.audit_tail_cut,
  (SELECT count(*) FROM rejected_events r WHERE r.station_id = s.id) AS rejected_count,
  d.day AS close_day, d.status AS close_status, d.updated_at AS close_at`;
const STATION_FROM = `stations s LEFT JOIN LATERAL (SELECT day, status, updated_at FROM day_closes WHERE station_id = s.id ORDER BY day DESC, received_at DESC LIMIT 1) d ON true`;

interface StationDbRow {
  id: string;
  code: string;
  name: string;
  status: 'pending' | 'enrolled' | 'revoked';
  enrolled_at: string | null;
  device_name: string | null;
  last_push_at: string | null;
  last_pull_at: string | null;
  acked_through: number;
  backlog: number;
  audit_head_seq: number | null;
  audit_head_hash: string | null;
  audit_head_at: string | null;
  audit_tail_cut: boolean;
  rejected_count: number;
  close_day: string | null;
  close_status: 'confirmed' | 'incomplete' | 'mismatch' | null;
  close_at: string | null;
}

function stationRow(r: StationDbRow): StationRow {
  return StationRow.parse({
    id: r.id,
    code: r.code,
    name: r.name,
    status: r.status,
    enrolledAt: r.enrolled_at,
    deviceName: r.device_name,
    lastPushAt: r.last_push_at,
    lastPullAt: r.last_pull_at,
    ackedThrough: r.acked_through,
    backlog: r.backlog,
    rejectedCount: r.rejected_count,
    lastDayClose: r.close_day && r.close_status && r.close_at ? { day: r.close_day, status: r.close_status, at: r.close_at } : null,
    auditHead: r.audit_head_seq !== null && r.audit_head_hash && r.audit_head_at ? { seq: r.audit_head_seq, hash: r.audit_head_hash, at: r.audit_head_at } : null,
    auditTailCut: r.audit_tail_cut,
  });
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
const NO_STATION = '没有找到该站点';

export function stationsStore(ctx: Ctx) {
  const { sql, countyId } = ctx;
  const expiry = () => new Date(ctx.clock.now().getTime() + ctx.enrollmentTtlMs).toISOString();

  async function station(stationId: string): Promise<StationRow | null> {
    if (!isUuid(stationId)) return null;
    const [r] = await sql.query<StationDbRow>(`SELECT ${STATION_COLUMNS} FROM ${STATION_FROM} WHERE s.county_id = $1 AND s.id = $2`, [countyId, stationId]);
    return r ? stationRow(r) : null;
  }

  return {
    station,

    async listStations(): Promise<StationRow[]> {
      const rows = await sql.query<StationDbRow>(`SELECT ${STATION_COLUMNS} FROM ${STATION_FROM} WHERE s.county_id = $1 ORDER BY s.code`, [countyId]);
      return rows.map(stationRow);
    },

    async createStation(input: StationCreate): Promise<EnrollmentIssued> {
      const code = newEnrollmentCode();
      const expiresAt = expiry();
      const [r] = await sql.query<{ id: string }>(
        `INSERT INTO stations (id, county_id, code, name, enrollment_code_hash, enrollment_expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (county_id, code) DO NOTHING RETURNING id`,
        [randomUUID(), countyId, input.code, input.name, sha256(code.normalised), expiresAt, nowIso(ctx)],
      );
      if (!r) throw new CountyError('CONFLICT', `站点编码 ${input.code} 已存在`);
      return { stationId: r.id, code: code.shown, expiresAt };
    },

    async newEnrollmentCode(stationId: string): Promise<EnrollmentIssued> {
      const code = newEnrollmentCode();
      const expiresAt = expiry();
      const [r] = isUuid(stationId)
        ? await sql.query<{ id: string }>('UPDATE stations SET enrollment_code_hash = $3, enrollment_expires_at = $4 WHERE county_id = $1 AND id = $2 RETURNING id', [countyId, stationId, sha256(code.normalised), expiresAt])
        : [];
      if (!r) throw new CountyError('NOT_FOUND', NO_STATION);
      return { stationId: r.id, code: code.shown, expiresAt };
    },

    async revokeStation(stationId: string): Promise<StationRow> {
      // The token hash stays, so the station is told it was revoked rather than unknown.
      const [r] = isUuid(stationId)
        ? await sql.query<{ id: string }>(`UPDATE stations SET status = 'revoked', enrollment_code_hash = NULL, enrollment_expires_at = NULL WHERE county_id = $1 AND id = $2 RETURNING id`, [countyId, stationId])
        : [];
      const row = r ? await station(r.id) : null;
      if (!row) throw new CountyError('NOT_FOUND', NO_STATION);
      return row;
    },

    async rejectedEvents(stationId: string): Promise<RejectedEventRow[]> {
      if (!isUuid(stationId)) return [];
      return sql.query<RejectedEventRow>(
        `SELECT r.seq, r.event_id AS "eventId", r.entity, r.entity_id AS "entityId", r.reason, r.message, r.at FROM rejected_events r JOIN stations s ON s.id = r.station_id
         WHERE s.county_id = $1 AND r.station_id = $2 ORDER BY r.seq, r.id LIMIT 1000`,
        [countyId, stationId],
      );
    },

    async dayCloses(stationId: string): Promise<DayCloseRow[]> {
      if (!isUuid(stationId)) return [];
      return sql.query<DayCloseRow>(
        `SELECT d.close_id AS "closeId", d.day, d.status, d.through_seq AS "throughSeq", d.counts, d.received_at AS "receivedAt", d.confirmed_at AS "confirmedAt"
         FROM day_closes d JOIN stations s ON s.id = d.station_id WHERE s.county_id = $1 AND d.station_id = $2 ORDER BY d.day DESC, d.received_at DESC LIMIT 400`,
        [countyId, stationId],
      );
    },

    async enroll(input: EnrollRequest): Promise<EnrollResponse> {
      const codeHash = sha256(input.code);
      const token = newStationToken();
      const at = nowIso(ctx);
      const r = await sql.tx(async (q) => {
        const [s] = await q.query<{ id: string; code: string; enrollment_code_hash: string | null; enrollment_expires_at: string | null; used_code_hash: string | null; acked_through: number; pull_cursor: number }>(
          'SELECT id, code, enrollment_code_hash, enrollment_expires_at, used_code_hash, acked_through, pull_cursor FROM stations WHERE county_id = $1 AND code = $2 FOR UPDATE',
          [countyId, input.stationCode],
        );
        // An unknown station and a wrong code read the same: the answer does not tell which station codes exist.
        if (s?.used_code_hash && sameDigest(s.used_code_hash, codeHash)) throw new CountyError('CONFLICT', '该登记码已使用过。如需重新登记，请向县级管理员申请新的登记码');
        if (!s?.enrollment_code_hash || !sameDigest(s.enrollment_code_hash, codeHash)) throw new CountyError('UNAUTHORIZED', '站点编码或登记码不正确，请核对县级管理员给出的登记码');
        if (!s.enrollment_expires_at || s.enrollment_expires_at <= at) throw new CountyError('FORBIDDEN', '登记码已过期，请向县级管理员申请新的登记码');
        await q.query(
          `UPDATE stations SET status = 'enrolled', token_hash = $2, enrollment_code_hash = NULL, enrollment_expires_at = NULL, used_code_hash = $3, enrolled_at = $4, device_name = $5 WHERE id = $1`,
          [s.id, sha256(token), codeHash, at, input.deviceName ?? null],
        );
        return s;
      });
      return { stationId: r.id, stationCode: r.code, countyName: ctx.countyName, token, ackedThrough: r.acked_through, pullCursor: r.pull_cursor, publicUrl: null, serverTime: at };
    },

    async authenticate(token: string): Promise<AuthedStation> {
      if (!StationToken.safeParse(token).success) throw new CountyError('UNAUTHORIZED', '站点令牌无效，请重新登记');
      const [s] = await sql.query<{ id: string; code: string; name: string; status: string }>('SELECT id, code, name, status FROM stations WHERE county_id = $1 AND token_hash = $2', [countyId, sha256(token)]);
      if (!s) throw new CountyError('UNAUTHORIZED', '站点令牌无效，请重新登记');
      if (s.status !== 'enrolled') throw new CountyError('UNAUTHORIZED', '本站的登记已被县级撤销，请联系县级管理员重新登记');
      return { id: s.id, code: s.code, name: s.name };
    },
  };
}
