/**
 * The wishes row as read (with its claim, shares and proofs), the record main answers, the
 * snapshot the county receives, and the one writer of a status step: every step — create,
 * publish, claim, expiry — goes through step(), so each is written, audited and sent the same way.
 */
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import { newId } from '../clock';
import type { Tx } from '../db/write';
import type { Actor } from '../../common/actor';
import type { KeyTag } from '../../common/contracts/residents';
import type { WishClaim, WishEvent, WishProof, WishRecord } from '../../common/contracts/wishes';
import { AppError } from '../../common/errors';
import { stationDate } from '../../common/time';
import { maskPersonName } from '../../common/person-name';
import {
  canStep,
  effectiveStatus,
  formatYuan,
  refusalOf,
  stepsFrom,
  targetOf,
  type ClaimantCategory,
  type ClaimantKind,
  type Confirmation,
  type Satisfaction,
  type WishCategory,
  type WishSource,
  type WishStatus,
  type WishStep,
} from '../../common/wish-status';

export interface WishRow {
  id: string;
  wish_no: string;
  resident_id: string;
  beneficiary_name: string;
  beneficiary_masked: string;
  title: string;
  description: string;
  category: WishCategory;
  value_fen: number;
  cap_fen: number;
  needs_approval: number;
  source: WishSource;
  deadline: string;
  status: WishStatus;
  created_at: string;
  created_by: string;
  created_by_name: string;
  published_at: string | null;
  published_by: string | null;
  published_by_name: string | null;
  reason: string | null;
  closed_at: string | null;
  claim_id: string | null;
  handover_date: string | null;
  delivered: string | null;
  confirmation: Confirmation | null;
  confirmer_name: string | null;
  fulfilled_at: string | null;
  fulfilled_by_name: string | null;
  visited_on: string | null;
  satisfaction: Satisfaction | null;
  follow_up_note: string | null;
  followed_up_at: string | null;
  followed_up_by_name: string | null;
  updated_at: string;
  version: number;
}

interface ClaimRow {
  id: string;
  wish_id: string;
  claim_no: string;
  claimed_at: string;
  claimed_by_name: string;
  promised_handover_date: string;
  note: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

interface ShareRow {
  claim_id: string;
  claimant_id: string;
  percent: number;
  value_fen: number;
  name: string;
  kind: ClaimantKind;
  category: ClaimantCategory;
}

interface ProofRow {
  id: string;
  wish_id: string;
  file_name: string;
  mime: WishProof['mime'];
  bytes: number;
  sha256: string;
  path: string;
  uploaded_at: string;
  attached: number;
}

const SELECT_WISH = `SELECT w.*, c.name AS created_by_name, p.name AS published_by_name, f.name AS fulfilled_by_name, u.name AS followed_up_by_name
  FROM wishes w JOIN staff c ON c.id = w.created_by LEFT JOIN staff p ON p.id = w.published_by
  LEFT JOIN staff f ON f.id = w.fulfilled_by LEFT JOIN staff u ON u.id = w.followed_up_by`;

export { SELECT_WISH };

/** A person claimant's name on the wall and on prints is masked; a unit's is not personal data. */
export function publicNameOf(kind: ClaimantKind, name: string): string {
  return kind === 'person' ? maskPersonName(name) : name;
}

export interface StepFields {
  published_at?: string;
  published_by?: string;
  reason?: string | null;
  closed_at?: string;
  claim_id?: string | null;
  handover_date?: string;
  delivered?: string;
  confirmation?: Confirmation;
  confirmer_name?: string | null;
  fulfilled_at?: string;
  fulfilled_by?: string;
  visited_on?: string;
  satisfaction?: Satisfaction;
  follow_up_note?: string | null;
  followed_up_at?: string;
  followed_up_by?: string;
}

const STEP_COLUMNS = new Set<keyof StepFields>([
  'published_at', 'published_by', 'reason', 'closed_at', 'claim_id', 'handover_date', 'delivered', 'confirmation', 'confirmer_name',
  'fulfilled_at', 'fulfilled_by', 'visited_on', 'satisfaction', 'follow_up_note', 'followed_up_at', 'followed_up_by',
]);

const STEP_ACTIONS = {
  create: 'wish.create',
  publish: 'wish.publish',
  approve: 'wish.approve',
  reject: 'wish.reject',
  withdraw: 'wish.withdraw',
  claim: 'wish.claim',
  unclaim: 'wish.unclaim',
  fulfil: 'wish.fulfil',
  followUp: 'wish.followUp',
  expire: 'wish.expire',
} as const satisfies Record<WishStep, string>;

export function createWishStore(db: Db, clock: Clock) {
  const byId = db.prepare<[string], WishRow>(`${SELECT_WISH} WHERE w.id = ?`);
  const claimsOf = db.prepare<[string], ClaimRow>('SELECT k.*, s.name AS claimed_by_name FROM wish_claims k JOIN staff s ON s.id = k.claimed_by WHERE k.wish_id = ? ORDER BY k.claimed_at, k.claim_no');
  const sharesOf = db.prepare<[string], ShareRow>('SELECT h.claim_id, h.claimant_id, h.percent, h.value_fen, c.name, c.kind, c.category FROM wish_claim_shares h JOIN claimants c ON c.id = h.claimant_id WHERE h.claim_id = ? ORDER BY h.ord');
  const proofsOf = db.prepare<[string], ProofRow>('SELECT * FROM wish_proofs WHERE wish_id = ? ORDER BY uploaded_at, id');
  const eventsOf = db.prepare<[string], { at: string; by_name: string | null; step: WishStep; from_status: WishStatus | null; to_status: WishStatus; reason: string | null }>(
    'SELECT e.at, s.name AS by_name, e.step, e.from_status, e.to_status, e.reason FROM wish_events e LEFT JOIN staff s ON s.id = e.by WHERE e.wish_id = ? ORDER BY e.at, e.rowid',
  );
  const tagsOf = db.prepare<[string], KeyTag>('SELECT t.tag FROM resident_tags t JOIN residents r ON r.rid = t.rid WHERE r.id = ? ORDER BY t.tag').pluck();
  const capRow = db.prepare<[], number>('SELECT value_cap_fen FROM wish_settings WHERE id = 1').pluck();
  const event = db.prepare('INSERT INTO wish_events (id, wish_id, at, by, step, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');

  const today = () => stationDate(clock.now());

  function row(id: string): WishRow {
    const r = byId.get(id);
    if (!r) throw new AppError('NOT_FOUND', '未找到该心愿');
    return r;
  }

  function cap(): number {
    return capRow.get() ?? 50_000;
  }

  function claimOf(c: ClaimRow): WishClaim {
    return {
      id: c.id,
      claimNo: c.claim_no,
      claimedAt: c.claimed_at,
      claimedByName: c.claimed_by_name,
      promisedHandoverDate: c.promised_handover_date,
      note: c.note,
      shares: sharesOf.all(c.id).map((s) => ({ claimantId: s.claimant_id, name: s.name, publicName: publicNameOf(s.kind, s.name), kind: s.kind, category: s.category, percent: s.percent, valueFen: s.value_fen })),
      cancelledAt: c.cancelled_at,
      cancelReason: c.cancel_reason,
    };
  }

  function proofOf(p: ProofRow): WishProof {
    return { id: p.id, wishId: p.wish_id, fileName: p.file_name, mime: p.mime, bytes: p.bytes, sha256: p.sha256, uploadedAt: p.uploaded_at, attached: p.attached === 1 };
  }

  function claims(wishId: string): WishClaim[] {
    return claimsOf.all(wishId).map(claimOf);
  }

  function proofs(wishId: string): WishProof[] {
    return proofsOf.all(wishId).map(proofOf);
  }

  function toRecord(r: WishRow, day = today(), capFen = cap()): WishRecord {
    const status = effectiveStatus(r.status, r.deadline, day);
    const current = r.claim_id ? claimsOf.all(r.id).find((c) => c.id === r.claim_id) : undefined;
    return {
      id: r.id,
      wishNo: r.wish_no,
      residentId: r.resident_id,
      beneficiaryName: r.beneficiary_name,
      beneficiaryMasked: r.beneficiary_masked,
      beneficiaryTags: tagsOf.all(r.resident_id),
      title: r.title,
      description: r.description,
      category: r.category,
      valueFen: r.value_fen,
      valueYuan: formatYuan(r.value_fen),
      source: r.source,
      deadline: r.deadline,
      status,
      needsApproval: r.value_fen > capFen,
      capFen,
      createdAt: r.created_at,
      createdByName: r.created_by_name,
      publishedAt: r.published_at,
      publishedByName: r.published_by_name,
      reason: r.reason,
      closedAt: r.closed_at,
      claim: current ? claimOf(current) : null,
      fulfilment:
        r.handover_date && r.delivered && r.confirmation && r.fulfilled_at
          ? {
              handoverDate: r.handover_date,
              delivered: r.delivered,
              confirmation: r.confirmation,
              confirmerName: r.confirmer_name,
              recordedAt: r.fulfilled_at,
              recordedByName: r.fulfilled_by_name ?? '',
              proofs: proofs(r.id).filter((p) => p.attached),
            }
          : null,
      followUp:
        r.visited_on && r.satisfaction && r.followed_up_at
          ? { visitedOn: r.visited_on, satisfaction: r.satisfaction, note: r.follow_up_note, recordedAt: r.followed_up_at, recordedByName: r.followed_up_by_name ?? '' }
          : null,
      next: stepsFrom(status),
      updatedAt: r.updated_at,
      version: r.version,
    };
  }

  function events(wishId: string): WishEvent[] {
    return eventsOf.all(wishId).map((e) => ({ at: e.at, byName: e.by_name ?? '系统', step: e.step, from: e.from_status, to: e.to_status, reason: e.reason }));
  }

  /**
   * What the county receives for a wish: its state, its current claim with the shares and its
   * proofs' digests, and the step that produced it. The beneficiary only masked; no
   * description (it may tell more about the household than the county needs).
   */
  function snapshot(id: string, step: WishStep) {
    const r = row(id);
    const claim = r.claim_id ? claims(r.id).find((c) => c.id === r.claim_id) ?? null : null;
    return {
      id: r.id,
      wish_no: r.wish_no,
      resident_id: r.resident_id,
      beneficiary_masked: r.beneficiary_masked,
      title: r.title,
      category: r.category,
      value_fen: r.value_fen,
      cap_fen: r.cap_fen,
      needs_approval: r.needs_approval === 1,
      source: r.source,
      deadline: r.deadline,
      status: r.status,
      step,
      created_at: r.created_at,
      published_at: r.published_at,
      reason: r.reason,
      closed_at: r.closed_at,
      claim: claim && {
        id: claim.id,
        claim_no: claim.claimNo,
        claimed_at: claim.claimedAt,
        promised_handover_date: claim.promisedHandoverDate,
        shares: claim.shares.map((s) => ({ claimant_id: s.claimantId, name: s.publicName, kind: s.kind, category: s.category, percent: s.percent, value_fen: s.valueFen })),
      },
      handover_date: r.handover_date,
      delivered: r.delivered,
      confirmation: r.confirmation,
      fulfilled_at: r.fulfilled_at,
      proofs: proofs(r.id)
        .filter((p) => p.attached)
        .map((p) => ({ id: p.id, sha256: p.sha256, mime: p.mime, bytes: p.bytes })),
      visited_on: r.visited_on,
      satisfaction: r.satisfaction,
      followed_up_at: r.followed_up_at,
      updated_at: r.updated_at,
      version: r.version,
    };
  }

  /**
   * One step of the machine, inside the caller's write: refuses a step the machine does not
   * allow from the stored status (and, for a clerk, from what the clerk saw: version), sets
   * the status and the step's fields, records the history line, and sends the audit entry and
   * the county's snapshot through tx.change.
   */
  function step(tx: Tx, before: WishRow, s: Exclude<WishStep, 'create'>, fields: StepFields, actor: Actor | null, detail: Record<string, unknown> = {}): WishRow {
    const refusal = refusalOf(before.status, s);
    if (refusal) throw new AppError('CONFLICT', refusal);
    if (!canStep(before.status, s)) throw new AppError('CONFLICT', refusal ?? '该操作不允许');
    const to = targetOf(s);
    const iso = clock.now().toISOString();
    const sets = ['status = @to', 'updated_at = @iso', 'version = version + 1'];
    const params: Record<string, unknown> = { id: before.id, to, iso };
    for (const [k, v] of Object.entries(fields)) {
      if (!STEP_COLUMNS.has(k as keyof StepFields)) throw new Error(`not a step column: ${k}`);
      sets.push(`${k} = @${k}`);
      params[k] = v ?? null;
    }
    db.prepare(`UPDATE wishes SET ${sets.join(', ')} WHERE id = @id`).run(params);
    const reason = typeof fields.reason === 'string' ? fields.reason : null;
    event.run(newId(clock), before.id, iso, actor?.id ?? null, s, before.status, to, reason);
    const after = row(before.id);
    tx.change({
      actorId: actor?.id ?? null,
      action: STEP_ACTIONS[s],
      entity: 'wish',
      entityId: before.id,
      op: 'update',
      version: after.version,
      snapshot: snapshot(before.id, s),
      detail: { wishNo: before.wish_no, from: before.status, to, ...detail, ...(actor?.kind === 'county' ? { by: 'county' } : {}) },
    });
    return after;
  }

  /** The create's history line, audit entry and snapshot (the row is inserted by the caller). */
  function created(tx: Tx, id: string, actor: Actor, detail: Record<string, unknown>): WishRow {
    const r = row(id);
    event.run(newId(clock), id, r.created_at, actor.id, 'create', null, 'pending', null);
    tx.change({ actorId: actor.id, action: 'wish.create', entity: 'wish', entityId: id, op: 'create', version: r.version, snapshot: snapshot(id, 'create'), detail: { wishNo: r.wish_no, ...detail } });
    return r;
  }

  return { row, cap, toRecord, events, claims, proofs, step, created, today };
}

export type WishStore = ReturnType<typeof createWishStore>;
