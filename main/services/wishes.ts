/**
 * 微心愿 micro-wishes: record a resident's wish, publish it (within the cap) or have the 站长
 * approve it (above), claim it (one or several claimants with shares), record the handover
 * with proof and the follow-up visit. Every step goes through the store's step() inside
 * ctx.write, so it is audited and reaches the county through the outbox; creates are
 * idempotent by their requestId. Checks that need the clock (deadline, dates) use the
 * injected one; each refusal names its field, and nothing is half-saved.
 */
import type { ServiceContext, ApiPart, StaffActor } from '../context';
import type { wishesCalls } from '../../common/contracts/wishes';
import type { ParsedInput } from '../../common/contract';
import { AppError } from '../../common/errors';
import { stationDate } from '../../common/time';
import { checkShares, EXPIRABLE, formatWishNo, formatYuan, refusalOf, splitValue, type WishStep } from '../../common/wish-status';
import { maskPersonName } from '../../common/person-name';
import { newId } from '../clock';
import { nextSerial } from './serials';
import type { Residents } from './residents';
import { createWishStore, type WishRow } from './wishes-store';
import { createClaimants } from './wishes-claimants';
import { createWishProofs } from './wishes-proofs';
import { createWishRead } from './wishes-read';
import { createLobbyLinks } from './wishes-lobby';

export type WishCall = keyof typeof wishesCalls;

function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, { [field]: message });
}

export function createWishes(ctx: ServiceContext, deps: { residents: Residents }) {
  const { db, clock, write } = ctx;
  const store = createWishStore(db, clock);
  const claimants = createClaimants(ctx);
  const proofs = createWishProofs(ctx, store);
  const lobby = createLobbyLinks(ctx);
  const read = createWishRead(ctx, store);

  const dueForExpiry = db.prepare<[string], WishRow>(`SELECT * FROM wishes WHERE status IN (${EXPIRABLE.map((s) => `'${s}'`).join(', ')}) AND deadline < ? ORDER BY deadline, wish_no`);

  /**
   * Records 已过期 for every pending or published wish whose deadline day has ended (by the
   * injected clock): through the write path, so the expiry is audited and reaches the county.
   * Run by main's timer (wishes-expiry.ts) and before the steps, never by a read: reads show
   * the expiry through effectiveStatus even where it has not run.
   */
  function sweep(): number {
    const today = store.today();
    const due = dueForExpiry.all(today);
    if (due.length === 0) return 0;
    return write((tx) => {
      let n = 0;
      for (const r of dueForExpiry.all(today)) {
        store.step(tx, store.row(r.id), 'expire', { closed_at: clock.now().toISOString() }, null, { deadline: r.deadline });
        n++;
      }
      return n;
    });
  }

  /** The machine's refusal before any other check: a claim on a wish not published says so first. */
  function mustAllow(r: WishRow, s: WishStep): void {
    const refusal = refusalOf(r.status, s);
    if (refusal) throw new AppError('CONFLICT', refusal);
  }

  /** The wish as stored, refused first for the step (an expired wish says it expired), then for a stale screen. */
  function current(id: string, version: number, s: WishStep): WishRow {
    const r = store.row(id);
    mustAllow(r, s);
    if (r.version !== version) throw new AppError('CONFLICT', '该心愿已被他人更新，请刷新后再操作');
    return r;
  }

  const today = () => stationDate(clock.now());

  function record(id: string) {
    return store.toRecord(store.row(id));
  }

  async function create(input: ParsedInput<'wishes.create'>, me: StaffActor) {
    const person = deps.residents.get(input.residentId);
    const made = write.once({ requestId: input.requestId, call: 'wishes.create', actorId: me.id }, (tx) => {
      // inside: a repeat of yesterday's create (deadline today then) is answered, not refused
      if (input.deadline < today()) throw fieldError('deadline', '心愿截止日期不能早于今天');
      const station = ctx.station.get();
      if (!station) throw new AppError('CONFLICT', '请先完成站点设置');
      const at = clock.now();
      const iso = at.toISOString();
      const day = stationDate(at);
      const id = newId(clock);
      const wishNo = formatWishNo(station.code, day, nextSerial(db, 'wish', day));
      const capFen = store.cap();
      db.prepare(
        `INSERT INTO wishes (id, wish_no, resident_id, beneficiary_name, beneficiary_masked, title, description, category, value_fen, cap_fen, needs_approval, source, deadline, status, created_at, created_by, updated_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, 1)`,
      ).run(id, wishNo, person.id, person.name, maskPersonName(person.name), input.title, input.description, input.category, input.value, capFen, input.value > capFen ? 1 : 0, input.source, input.deadline, iso, me.id, iso);
      let r = store.created(tx, id, me, { category: input.category, valueFen: input.value, capFen, source: input.source, deadline: input.deadline });
      if (input.publishNow && input.value <= capFen) r = store.step(tx, r, 'publish', { published_at: iso, published_by: me.id }, me);
      return { id: r.id };
    });
    const rec = record(made.value.id);
    return { record: rec, awaitingApproval: input.publishNow && rec.status === 'pending' };
  }

  function publish({ id, version }: { id: string; version: number }, me: StaffActor, approval: boolean, note?: string) {
    sweep();
    write((tx) => {
      const r = current(id, version, approval ? 'approve' : 'publish');
      if (!approval && r.value_fen > store.cap()) {
        throw new AppError('FORBIDDEN', `该心愿预估价值 ${formatYuan(r.value_fen)} 元，超过本站上限 ${formatYuan(store.cap())} 元，须由站长审批后发布`, { value: '超过价值上限，须站长审批' });
      }
      store.step(tx, r, approval ? 'approve' : 'publish', { published_at: clock.now().toISOString(), published_by: me.id, ...(approval && note ? { reason: note } : {}) }, me, { valueFen: r.value_fen, capFen: store.cap() });
    });
    return { record: record(id) };
  }

  function close(input: { id: string; version: number; reason: string }, me: StaffActor, s: 'reject' | 'withdraw') {
    sweep();
    write((tx) => {
      const r = current(input.id, input.version, s);
      const cancelClaim = s === 'withdraw' && r.claim_id ? r.claim_id : null;
      const after = store.step(tx, r, s, { reason: input.reason, closed_at: clock.now().toISOString(), ...(cancelClaim ? { claim_id: null } : {}) }, me);
      if (cancelClaim) db.prepare('UPDATE wish_claims SET cancelled_at = ?, cancel_reason = ? WHERE id = ?').run(after.updated_at, input.reason, cancelClaim);
    });
    return { record: record(input.id) };
  }

  async function claim(input: ParsedInput<'wishes.claim'>, me: StaffActor) {
    sweep();
    const made = write.once({ requestId: input.requestId, call: 'wishes.claim', actorId: me.id }, (tx) => {
      // the wish's state first (a claim on a wish not published says so), then the form's fields
      const r = current(input.id, input.version, 'claim');
      const bad = checkShares(input.shares);
      if (bad) throw fieldError(bad.field, bad.message);
      if (input.promisedHandoverDate < today()) throw fieldError('promisedHandoverDate', '承诺交接日期不能早于今天');
      input.shares.forEach((s, i) => claimants.requireActive(s.claimantId, `shares.${i}.claimantId`));
      const claimId = newId(clock);
      const ordinal = (db.prepare<[string], number>('SELECT count(*) FROM wish_claims WHERE wish_id = ?').pluck().get(r.id) ?? 0) + 1;
      const claimNo = `${r.wish_no}-R${ordinal}`;
      const iso = clock.now().toISOString();
      db.prepare('INSERT INTO wish_claims (id, wish_id, claim_no, claimed_at, claimed_by, promised_handover_date, note) VALUES (?, ?, ?, ?, ?, ?, ?)').run(claimId, r.id, claimNo, iso, me.id, input.promisedHandoverDate, input.note ?? null);
      const parts = splitValue(r.value_fen, input.shares.map((s) => s.percent));
      const share = db.prepare('INSERT INTO wish_claim_shares (claim_id, claimant_id, ord, percent, value_fen) VALUES (?, ?, ?, ?, ?)');
      input.shares.forEach((s, i) => share.run(claimId, s.claimantId, i, s.percent, parts[i]!));
      store.step(tx, r, 'claim', { claim_id: claimId, reason: null }, me, { claimNo, claimants: input.shares.length, shares: input.shares.map((s) => s.percent), promisedHandoverDate: input.promisedHandoverDate });
      return { id: r.id };
    });
    return { record: record(made.value.id) };
  }

  function unclaim(input: { id: string; version: number; reason: string }, me: StaffActor) {
    write((tx) => {
      const r = current(input.id, input.version, 'unclaim');
      const claimId = r.claim_id;
      const after = store.step(tx, r, 'unclaim', { claim_id: null, reason: input.reason }, me);
      if (claimId) db.prepare('UPDATE wish_claims SET cancelled_at = ?, cancel_reason = ? WHERE id = ?').run(after.updated_at, input.reason, claimId);
    });
    return { record: record(input.id) };
  }

  function fulfil(input: ParsedInput<'wishes.fulfil'>, me: StaffActor) {
    write((tx) => {
      const r = current(input.id, input.version, 'fulfil');
      if (input.handoverDate > today()) throw fieldError('handoverDate', '交接日期不能晚于今天');
      if (input.confirmation === '家属代为签收' && !input.confirmerName) throw fieldError('confirmerName', '家属代为签收的，请填写代签人姓名');
      const claimedOn = r.claim_id ? db.prepare<[string], string>('SELECT claimed_at FROM wish_claims WHERE id = ?').pluck().get(r.claim_id) : undefined;
      if (claimedOn && input.handoverDate < stationDate(claimedOn)) throw fieldError('handoverDate', '交接日期不能早于认领日期');
      const ids = [...new Set(input.proofIds)];
      ids.forEach((pid, i) => proofs.requireFor(r.id, pid, `proofIds.${i}`));
      const attach = db.prepare('UPDATE wish_proofs SET attached = 1 WHERE id = ?');
      for (const pid of ids) attach.run(pid);
      store.step(
        tx,
        r,
        'fulfil',
        { handover_date: input.handoverDate, delivered: input.delivered, confirmation: input.confirmation, confirmer_name: input.confirmation === '家属代为签收' ? (input.confirmerName ?? null) : null, fulfilled_at: clock.now().toISOString(), fulfilled_by: me.id, reason: null },
        me,
        { handoverDate: input.handoverDate, proofs: ids.length },
      );
    });
    return { record: record(input.id) };
  }

  function followUp(input: ParsedInput<'wishes.followUp'>, me: StaffActor) {
    write((tx) => {
      // the wish's state first, like every step: a visit to a wish not yet handed over says so
      const r = current(input.id, input.version, 'followUp');
      if (input.visitedOn > today()) throw fieldError('visitedOn', '回访日期不能晚于今天');
      if (r.handover_date && input.visitedOn < r.handover_date) throw fieldError('visitedOn', '回访日期不能早于交接日期');
      store.step(tx, r, 'followUp', { visited_on: input.visitedOn, satisfaction: input.satisfaction, follow_up_note: input.note ?? null, followed_up_at: clock.now().toISOString(), followed_up_by: me.id }, me, { satisfaction: input.satisfaction });
    });
    return { record: record(input.id) };
  }

  function settings() {
    const fen = store.cap();
    return { valueCapFen: fen, valueCapYuan: formatYuan(fen) };
  }

  const api: ApiPart<WishCall> = {
    'wishes.create': create,
    async 'wishes.get'({ id }) {
      return { record: record(id), events: store.events(id), claims: store.claims(id), proofs: store.proofs(id) };
    },
    async 'wishes.list'(input) {
      return read.list(input);
    },
    async 'wishes.publish'(input, me) {
      return publish(input, me, false);
    },
    async 'wishes.approve'(input, me) {
      return publish(input, me, true, input.note);
    },
    async 'wishes.reject'(input, me) {
      return close(input, me, 'reject');
    },
    async 'wishes.withdraw'(input, me) {
      return close(input, me, 'withdraw');
    },
    'wishes.claim': claim,
    async 'wishes.unclaim'(input, me) {
      return unclaim(input, me);
    },
    async 'wishes.proofUpload'(input, me) {
      return proofs.upload(input, me);
    },
    async 'wishes.proofGet'({ proofId }) {
      return proofs.get(proofId);
    },
    async 'wishes.fulfil'(input, me) {
      return fulfil(input, me);
    },
    async 'wishes.followUp'(input, me) {
      return followUp(input, me);
    },
    async 'wishes.wall'(filter) {
      return read.wall(filter);
    },
    async 'wishes.stats'(input) {
      return read.stats(input);
    },
    async 'wishes.settings'() {
      return settings();
    },
    async 'wishes.setCap'({ valueCap }, me) {
      write((tx) => {
        const before = store.cap();
        db.prepare('UPDATE wish_settings SET value_cap_fen = ?, updated_at = ?, updated_by = ? WHERE id = 1').run(valueCap, clock.now().toISOString(), me.id);
        tx.note({ actorId: me.id, action: 'wish_settings.update', entity: 'wish_settings', entityId: 'valueCap', detail: { from: before, to: valueCap } });
      });
      return settings();
    },
    ...claimants.api,
    ...lobby.api,
  };

  return {
    api,
    /** the record as shown now (for the printed forms); NOT_FOUND when unknown */
    record: (id: string) => record(id),
    /** the public wall (staff screen, lobby screen, poster): nothing private */
    wall: (filter: Parameters<typeof read.wall>[0]) => read.wall(filter),
    /** the lobby screen's wall for a lobby token; null for an unknown or revoked token */
    lobbyWall: (token: string, filter: Parameters<typeof read.wall>[0]) => (lobby.verify(token) ? read.wall(filter) : null),
    /** a proof's file on disk (the 圆梦交接单 may show it); null when unknown */
    proofFile: (proofId: string) => proofs.fileOf(proofId),
    /** records 已过期 for what is past its deadline; main's timer runs it (wishes-expiry.ts) */
    sweep,
  };
}

export type Wishes = ReturnType<typeof createWishes>;
