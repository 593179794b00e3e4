/**
 * The claimant registry (认领方): persons (党员, 志愿者, 居民) and units (驻区单位, 党组织, 企业)
 * with their contact, a unit's 统一社会信用代码 checked by GB 32100 — a warning returned with
 * the saved record, never a refusal — and each claimant's history of claims.
 */
import type { ServiceContext, ApiPart, StaffActor } from '../context';
import type { ParsedInput } from '../../common/contract';
import type { Claimant } from '../../common/contracts/wishes';
import { AppError } from '../../common/errors';
import { creditCodeWarning, effectiveStatus, kindOfCategory, type ClaimantCategory, type ClaimantKind, type WishCategory, type WishStatus } from '../../common/wish-status';
import { stationDate } from '../../common/time';
import { newId } from '../clock';
import { publicNameOf } from './wishes-store';

interface ClaimantRow {
  id: string;
  kind: ClaimantKind;
  category: ClaimantCategory;
  name: string;
  contact_name: string | null;
  phone: string;
  credit_code: string | null;
  note: string | null;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
  claims: number;
  fulfilled: number;
}

const SELECT = `SELECT c.*,
    (SELECT count(*) FROM wish_claim_shares h JOIN wish_claims k ON k.id = h.claim_id WHERE h.claimant_id = c.id AND k.cancelled_at IS NULL) AS claims,
    (SELECT count(*) FROM wish_claim_shares h JOIN wish_claims k ON k.id = h.claim_id JOIN wishes w ON w.claim_id = k.id
       WHERE h.claimant_id = c.id AND w.status IN ('fulfilled', 'followedUp')) AS fulfilled
  FROM claimants c`;

type Fields = Omit<ParsedInput<'claimants.create'>, 'requestId'>;

function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, { [field]: message });
}

export function createClaimants(ctx: ServiceContext) {
  const { db, clock, write } = ctx;
  const byId = db.prepare<[string], ClaimantRow>(`${SELECT} WHERE c.id = ?`);

  function row(id: string): ClaimantRow {
    const r = byId.get(id);
    if (!r) throw new AppError('NOT_FOUND', '未找到该认领方');
    return r;
  }

  function toClaimant(r: ClaimantRow): Claimant {
    return {
      id: r.id,
      kind: r.kind,
      category: r.category,
      name: r.name,
      publicName: publicNameOf(r.kind, r.name),
      contactName: r.contact_name,
      phone: r.phone,
      creditCode: r.credit_code,
      creditCodeWarning: r.credit_code ? creditCodeWarning(r.credit_code) : null,
      note: r.note,
      active: r.active === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
      claims: r.claims,
      fulfilled: r.fulfilled,
    };
  }

  /** The record's columns from the form: refuses what does not fit the kind; answers the soft warnings. */
  function columns(f: Fields) {
    const kind = kindOfCategory(f.category);
    const contactName = f.contactName ? f.contactName : null;
    if (kind === 'unit' && !contactName) throw fieldError('contactName', '单位认领方请填写联系人');
    const creditCode = f.creditCode ? f.creditCode : null;
    if (kind === 'person' && creditCode) throw fieldError('creditCode', '个人认领方不填写统一社会信用代码');
    const warnings: { field: string; message: string }[] = [];
    const w = creditCode ? creditCodeWarning(creditCode) : null;
    if (w) warnings.push({ field: 'creditCode', message: `${w}（已保存）` });
    return { cols: { kind, category: f.category, name: f.name, contact_name: contactName, phone: f.phone, credit_code: creditCode, note: f.note ? f.note : null }, warnings };
  }

  /** What the county receives: no phone, no contact person (personal data of volunteers). */
  function snapshot(id: string) {
    const r = row(id);
    return { id: r.id, kind: r.kind, category: r.category, name: publicNameOf(r.kind, r.name), credit_code: r.kind === 'unit' ? r.credit_code : null, active: r.active === 1, updated_at: r.updated_at, version: r.version };
  }

  async function create(input: ParsedInput<'claimants.create'>, me: StaffActor) {
    const { cols, warnings } = columns(input);
    const made = write.once({ requestId: input.requestId, call: 'claimants.create', actorId: me.id }, (tx) => {
      const id = newId(clock);
      const iso = clock.now().toISOString();
      db.prepare(
        `INSERT INTO claimants (id, kind, category, name, contact_name, phone, credit_code, note, active, created_at, created_by, updated_at, version)
         VALUES (@id, @kind, @category, @name, @contact_name, @phone, @credit_code, @note, 1, @iso, @by, @iso, 1)`,
      ).run({ id, ...cols, iso, by: me.id });
      tx.change({ actorId: me.id, action: 'claimant.create', entity: 'claimant', entityId: id, op: 'create', version: 1, snapshot: snapshot(id), detail: { category: cols.category, ...(warnings.length ? { warnings: warnings.length } : {}) } });
      return { id };
    });
    return { claimant: toClaimant(row(made.value.id)), warnings };
  }

  async function update(input: ParsedInput<'claimants.update'>, me: StaffActor) {
    const { cols, warnings } = columns(input);
    write((tx) => {
      const before = row(input.id);
      if (before.version !== input.version) throw new AppError('CONFLICT', '该认领方已被他人修改，请刷新后再保存');
      if (before.kind !== cols.kind) throw fieldError('category', '不能在个人与单位之间改类别，请另行登记');
      const changed = (['category', 'name', 'contact_name', 'phone', 'credit_code', 'note'] as const).filter((k) => before[k] !== cols[k]);
      const active = input.active ? 1 : 0;
      if (changed.length === 0 && before.active === active) return;
      db.prepare(
        `UPDATE claimants SET category = @category, name = @name, contact_name = @contact_name, phone = @phone, credit_code = @credit_code, note = @note, active = @active,
           updated_at = @iso, version = version + 1 WHERE id = @id`,
      ).run({ id: input.id, ...cols, active, iso: clock.now().toISOString() });
      tx.change({
        actorId: me.id,
        action: 'claimant.update',
        entity: 'claimant',
        entityId: input.id,
        op: 'update',
        version: before.version + 1,
        snapshot: snapshot(input.id),
        // field names only: a phone or a name never goes into the log
        detail: { changed: changed.map((k) => (k === 'contact_name' ? 'contactName' : k === 'credit_code' ? 'creditCode' : k)), ...(before.active !== active ? { active: active === 1 } : {}) },
      });
    });
    return { claimant: toClaimant(row(input.id)), warnings };
  }

  function list(input: ParsedInput<'claimants.list'>): Claimant[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!input.includeInactive) where.push('c.active = 1');
    if (input.kind) {
      where.push('c.kind = ?');
      params.push(input.kind);
    }
    if (input.category) {
      where.push('c.category = ?');
      params.push(input.category);
    }
    if (input.text) {
      where.push("(instr(c.name, ?) > 0 OR instr(coalesce(c.contact_name, ''), ?) > 0 OR instr(c.phone, ?) > 0 OR instr(coalesce(c.credit_code, ''), ?) > 0)");
      params.push(input.text, input.text, input.text, input.text.toUpperCase());
    }
    params.push(input.limit);
    return db
      .prepare<unknown[], ClaimantRow>(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.kind DESC, c.name LIMIT ?`)
      .all(...params)
      .map(toClaimant);
  }

  function history(id: string) {
    const today = stationDate(clock.now());
    return db
      .prepare<
        [string],
        { wish_id: string; wish_no: string; title: string; category: WishCategory; beneficiary_masked: string; claim_no: string; percent: number; value_fen: number; claimed_at: string; promised_handover_date: string; handover_date: string | null; status: WishStatus; deadline: string; cancelled_at: string | null; current: number }
      >(
        `SELECT w.id AS wish_id, w.wish_no, w.title, w.category, w.beneficiary_masked, k.claim_no, h.percent, h.value_fen, k.claimed_at, k.promised_handover_date,
           w.handover_date, w.status, w.deadline, k.cancelled_at, (w.claim_id = k.id) AS current
         FROM wish_claim_shares h JOIN wish_claims k ON k.id = h.claim_id JOIN wishes w ON w.id = k.wish_id
         WHERE h.claimant_id = ? ORDER BY k.claimed_at DESC, k.claim_no DESC`,
      )
      .all(id)
      .map((r) => ({
        wishId: r.wish_id,
        wishNo: r.wish_no,
        title: r.title,
        category: r.category,
        beneficiaryMasked: r.beneficiary_masked,
        claimNo: r.claim_no,
        percent: r.percent,
        valueFen: r.value_fen,
        claimedAt: r.claimed_at,
        promisedHandoverDate: r.promised_handover_date,
        handoverDate: r.current === 1 ? r.handover_date : null,
        status: effectiveStatus(r.status, r.deadline, today),
        cancelled: r.cancelled_at !== null,
      }));
  }

  const api: ApiPart<'claimants.create' | 'claimants.update' | 'claimants.list' | 'claimants.get'> = {
    'claimants.create': create,
    'claimants.update': update,
    async 'claimants.list'(input) {
      return list(input);
    },
    async 'claimants.get'({ id }) {
      return { claimant: toClaimant(row(id)), history: history(id) };
    },
  };

  return {
    api,
    /** A claimant a claim may name: registered and active; refusal tied to the share's field. */
    requireActive(id: string, field: string): void {
      const r = byId.get(id);
      if (!r) throw fieldError(field, '未找到该认领方，请先登记');
      if (r.active !== 1) throw fieldError(field, `认领方“${publicNameOf(r.kind, r.name)}”已停用`);
    },
  };
}
