/**
 * 代办 intake: accept a resident's affair against the catalogue, number it, promise a date
 * from the working-day calendar, track it through the status machine, and issue the
 * 受理回执 / 补正通知 / 办结回执. Records and their audit entries commit together; a
 * document is made only after its record is durably committed. Creates carry the form's
 * requestId: a repeat answers with the first record and makes nothing.
 */
import type { ServiceContext, ApiPart, Actor, StaffActor } from '../context';
import type { intakeCalls } from '../../common/contracts/intake';
import type { ParsedInput } from '../../common/contract';
import { formatNumber, type NumberKind } from '../../common/numbering';
import { stationDate } from '../../common/time';
import { AppError } from '../../common/errors';
import { timeLimitText } from '../../common/catalogue';
import { newId } from '../clock';
import { nextSerial } from './serials';
import { createKeyedQueue } from '../one-at-a-time';
import type { Calendar } from './calendar';
import type { Residents } from './residents';
import type { Catalogue } from './catalogue';
import type { Documents } from './documents';
import { log } from '../log';
import { createIntakeChecks } from './intake-checks';
import { createIntakeStore } from './intake-store';
import { createIntakeForward } from './intake-forward';
import { createIntakeNotices } from './intake-notices';
import { createIntakeDocs } from './intake-docs';
import { createIntakeRead } from './intake-read';
import { createIntakeTransitions, type AssignInput, type TransitionInput } from './intake-transition';

type IntakeCall = keyof typeof intakeCalls;

export function createIntake(ctx: ServiceContext, deps: { residents: Residents; catalogue: Catalogue; documents: Documents; calendar: Calendar }) {
  const { db, clock, write } = ctx;
  const { calendar } = deps;
  const extra = createIntakeChecks(db, clock, deps.residents);
  const store = createIntakeStore(db, clock);
  const { row, changeStatus } = store;
  const docs = createIntakeDocs(ctx, deps);
  const read = createIntakeRead(ctx, calendar);
  const steps = createIntakeTransitions(ctx, { store, extra, docs });
  const { stationHeader, applicant, issue } = docs;

  /** Received materials must come from the item's list; returns what is still missing. */
  function checkMaterials(required: string[], received: string[]): string[] {
    const unknown = received.filter((m) => !required.includes(m));
    if (unknown.length > 0) {
      throw new AppError('VALIDATION', `材料“${unknown[0]}”不在该事项的材料清单中`, { materialsReceived: '材料与事项不符，请重新勾选' });
    }
    return required.filter((m) => !received.includes(m));
  }

  function number(kind: NumberKind, stationCode: string, day: string): string {
    return formatNumber(kind, stationCode, day, nextSerial(db, kind, day));
  }

  const forwarding = createIntakeForward(ctx, { row, changeStatus, stationHeader, number });
  const notices = createIntakeNotices(db, deps.documents);

  const reissueQueue = createKeyedQueue();

  async function reissue(id: string, me: StaffActor): Promise<{ documentId: string }> {
    // A document still being made counts as made: a double click must not make two.
    await deps.documents.settledFor('intake', id);
    const r = row(id);
    const have = (kind: string) => deps.documents.listFor('intake', id).filter((d) => d.kind === kind).length;
    // an on-the-spot record's one receipt says it was completed: it has no separate 办结回执
    const completions = r.on_the_spot === 1 ? 0 : r.status === 'completed' ? 1 : r.status === 'collected' || r.status === 'delivered' ? 2 : 0;
    const doc = have('intake.acceptance') === 0 ? docs.acceptanceDoc(r) : have('intake.completion') < completions ? docs.completionDoc(r, me.name) : null;
    if (!doc) throw new AppError('CONFLICT', '该事项的单据齐全，无需重新生成；如需再打一份，请在单据预览中点“补打”');
    const issued = issue(doc, { entity: 'intake', entityId: id, number: r.receipt_no }, me.id);
    if (!issued.documentId) throw new AppError('UNAVAILABLE', issued.documentError ?? '单据未能生成');
    return { documentId: issued.documentId };
  }

  async function notice({ requestId, residentId, itemCode, materialsReceived, note }: ParsedInput<'intake.notice'>, me: StaffActor) {
    const item = deps.catalogue.getItem(itemCode);
    const person = applicant(residentId);
    const missing = checkMaterials(item.materials, materialsReceived);
    if (missing.length === 0) throw new AppError('VALIDATION', '材料已齐全，无需补正，可直接受理');
    const at = clock.now();
    const station = stationHeader();
    const made = write.once({ requestId, call: 'intake.notice', actorId: me.id }, (tx) => {
      const id = newId(clock);
      const no = number('notice', station.code, stationDate(at));
      db.prepare(
        `INSERT INTO intake_notices (id, notice_no, resident_id, resident_name, item_code, item_version, item_name, materials_required, materials_received, materials_missing, note, issued_at, issued_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, no, person.id, person.name, item.code, String(item.version), item.name, JSON.stringify(item.materials), JSON.stringify(materialsReceived), JSON.stringify(missing), note ?? null, at.toISOString(), me.id);
      const snapshot: unknown = db.prepare('SELECT * FROM intake_notices WHERE id = ?').get(id);
      tx.change({ actorId: me.id, action: 'intake_notice.issue', entity: 'intake_notice', entityId: id, op: 'create', snapshot, detail: { noticeNo: no, itemCode: item.code, missing: missing.length } });
      return { id, noticeNo: no, missing };
    });
    const { id, noticeNo } = made.value;
    if (made.repeated) return { ...(await docs.issuedBefore('intake_notice', id, 'intake.correction')), noticeNo, missing: made.value.missing };
    const issued = issue(
      {
        kind: 'intake.correction',
        data: {
          station,
          noticeNo,
          item: { code: item.code, name: item.name, department: item.department },
          applicant: person,
          materialsRequired: item.materials,
          materialsReceived,
          materialsMissing: missing,
          issuedAt: at.toISOString(),
          clerkName: me.name,
          ...(note ? { note } : {}),
        },
      },
      { entity: 'intake_notice', entityId: id, number: noticeNo },
      me.id,
    );
    return { ...issued, noticeNo, missing };
  }

  async function accept({ requestId, residentId, itemCode, materialsReceived, note, overrideWarnings, onTheSpot }: ParsedInput<'intake.accept'>, me: StaffActor) {
    const item = deps.catalogue.getItem(itemCode);
    const person = applicant(residentId);
    const missing = checkMaterials(item.materials, materialsReceived);
    if (missing.length > 0) {
      throw new AppError('VALIDATION', `材料不齐，缺少：${missing.join('、')}。请先出具一次性告知书，材料补齐后再受理。`, { materialsReceived: `缺少 ${missing.length} 项材料` });
    }
    if (onTheSpot) extra.checkOnTheSpot(item);
    const warnings = extra.eligibility(item, residentId);
    if (warnings.length > 0 && !overrideWarnings) {
      throw new AppError('VALIDATION', `${warnings.map((w) => w.message).join('；')}。请核实；确需受理的，勾选“已核实，仍予受理”后再受理。`, { overrideWarnings: '请核实办理条件' });
    }
    const at = clock.now();
    const station = stationHeader();
    const p = calendar.promise(item.timeLimit, at);
    const made = write.once({ requestId, call: 'intake.accept', actorId: me.id }, (tx) => {
      const id = newId(clock);
      const receiptNo = number('receipt', station.code, stationDate(at));
      const iso = at.toISOString();
      db.prepare(
        `INSERT INTO intake_records (id, receipt_no, resident_id, resident_name, resident_id_masked, item_code, item_version, item_name, item_category, department, forwarded,
           time_limit, materials_required, materials_received, note, status, accepted_at, accepted_by, promised_date, promised_at, updated_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?, ?, 1)`,
      ).run(
        id,
        receiptNo,
        person.id,
        person.name,
        person.idMasked,
        item.code,
        String(item.version),
        item.name,
        item.category,
        item.department,
        item.forwarded ? 1 : 0,
        JSON.stringify(item.timeLimit),
        JSON.stringify(item.materials),
        JSON.stringify(materialsReceived),
        note ?? null,
        iso,
        me.id,
        p.promisedDate,
        p.promisedAt,
        iso,
      );
      calendar.stamp(id, p);
      db.prepare('INSERT INTO intake_events (id, intake_id, at, by, from_status, to_status, reason) VALUES (?, ?, ?, ?, NULL, ?, NULL)').run(newId(clock), id, iso, me.id, 'accepted');
      const linked = extra.afterAccept(id, { residentId: person.id, itemCode: item.code, warnings, onTheSpot: !!onTheSpot });
      if (onTheSpot) {
        // The same status machine a later 办结 would walk, in the same transaction and instant.
        changeStatus(row(id), 'completed', { result: onTheSpot.result }, me, iso);
        if (onTheSpot.handedOver) changeStatus(row(id), 'collected', { receiverName: person.name }, me, iso);
      }
      const after = row(id);
      tx.change({
        actorId: me.id,
        action: onTheSpot ? 'intake.acceptOnTheSpot' : 'intake.accept',
        entity: 'intake',
        entityId: id,
        op: 'create',
        version: after.version,
        snapshot: after,
        detail: {
          receiptNo,
          itemCode: item.code,
          promisedDate: p.promisedDate,
          ...(onTheSpot ? { handedOver: onTheSpot.handedOver } : {}),
          ...(linked ? { noticeNo: linked } : {}),
          // which rules warned, never the resident's age or tags
          ...(warnings.length > 0 ? { warningsOverridden: warnings.map((w) => w.rule) } : {}),
        },
      });
      return { id };
    });
    const r = row(made.value.id);
    const issued = made.repeated ? await docs.issuedBefore('intake', r.id, 'intake.acceptance') : issue(docs.acceptanceDoc(r), { entity: 'intake', entityId: r.id, number: r.receipt_no }, me.id);
    return { ...issued, record: read.toRecord(r) };
  }

  async function forward(input: ParsedInput<'intake.forward'>, me: StaffActor) {
    const done = forwarding.forward(input, me);
    const issued = done.doc
      ? await deps.documents.issue(done.doc, { entity: 'intake_transmittal', entityId: done.transmittalId, number: done.transmittalNo }, me.id, { layout: 'a4' }).then(
          (d) => ({ documentId: d.id, documentError: null }),
          (err: unknown) => {
            log.error('document not issued', { kind: 'intake.transmittal', entityId: done.transmittalId, error: err instanceof Error ? err.name : 'unknown' });
            return { documentId: null, documentError: `已转报（${done.transmittalNo}），但转报单未能生成：${err instanceof AppError ? err.message : '生成 PDF 时出错'}。请联系管理员。` };
          },
        )
      : await docs.issuedBefore('intake_transmittal', done.transmittalId, 'intake.transmittal');
    const n = read.now();
    return { ...issued, transmittalNo: done.transmittalNo, records: done.ids.map((id) => read.toRecord(row(id), n)) };
  }

  /** A status step for a clerk or for the county (sync applying a decision). */
  function transition(input: TransitionInput, actor: Actor) {
    const { row: r, issued } = steps.transition(input, actor);
    return { ...issued, record: read.toRecord(r) };
  }

  const api: ApiPart<IntakeCall> = {
    async 'intake.preview'({ itemCode, residentId }) {
      const item = deps.catalogue.getItem(itemCode);
      const about = residentId ? { warnings: extra.eligibility(item, residentId), notice: extra.openNotice(residentId, item.code) } : { warnings: [], notice: null };
      return { ...calendar.promise(item.timeLimit, clock.now()), timeLimitText: timeLimitText(item.timeLimit), ...about };
    },
    'intake.notice': notice,
    'intake.accept': accept,
    async 'intake.transition'(input, me) {
      return transition(input, me);
    },
    'intake.forward': forward,
    async 'intake.notices'(input) {
      return notices.find(input);
    },
    /** Makes the document a record should have but lacks (its making failed after the commit). */
    'intake.reissue'({ id }, me) {
      // One at a time per record: a double click must not make two originals.
      return reissueQueue(id, () => reissue(id, me));
    },
    async 'intake.get'({ id }) {
      return { record: read.toRecord(row(id)), events: read.events(id) };
    },
    async 'intake.list'(input, me) {
      return read.list(input, me.id);
    },
    async 'intake.counts'(_input, me) {
      return read.counts(me.id);
    },
  };

  return {
    api,
    calendar,
    /** The record as the station shows it now; NOT_FOUND when unknown. */
    record: (id: string) => read.toRecord(row(id)),
    transition,
    /** The county accepted a forwarded item and assigned a department (sync). */
    assign: (input: AssignInput, actor: Actor) => read.toRecord(steps.assign(input, actor)),
  };
}

export type Intake = ReturnType<typeof createIntake>;
