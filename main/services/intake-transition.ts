/**
 * Moving a 代办 item through its status machine, for a clerk at the counter or for the
 * county when sync applies a decision (forwarded → completed with a result, → returned
 * with a reason, a department assigned): one code path, told who acts, never reading the
 * session. A county decision prints nothing: the 办结回执 is made at the counter when the
 * resident comes (intake.reissue makes what a record lacks).
 */
import type { Actor, ServiceContext } from '../context';
import { actorDetail } from '../context';
import type { ParsedInput } from '../../common/contract';
import { canTransition, INTAKE_STATUS_LABELS, OPEN_STATUSES, requiredFor } from '../../common/intake-status';
import { AppError } from '../../common/errors';
import type { IntakeChecks } from './intake-checks';
import type { IntakeStore, IntakeRow as Row } from './intake-store';
import type { IntakeDocs, Issued } from './intake-docs';

export type TransitionInput = Omit<ParsedInput<'intake.transition'>, 'proxy'> & { proxy?: ParsedInput<'intake.transition'>['proxy'] };
export type AssignInput = { id: string; version: number; department: string };

const STALE = '该事项刚被其他人更新过，请刷新后再操作';

export function createIntakeTransitions(ctx: ServiceContext, deps: { store: IntakeStore; extra: IntakeChecks; docs: IntakeDocs }) {
  const { clock, write, db } = ctx;
  const { row, changeStatus } = deps.store;
  const setDepartment = db.prepare<[string, string, string]>('UPDATE intake_records SET department = ?, updated_at = ?, version = version + 1 WHERE id = ?');

  /** Commits the step; returns the record after it and, for a clerk's 办结/领取/送达, its 办结回执. */
  function transition(input: TransitionInput, actor: Actor): { row: Row; issued: Issued } {
    const { id, to, version, reason, result, receiverName, proxy } = input;
    if (to === 'forwarded') throw new AppError('VALIDATION', '转报请点“转报”，登记接收部门、报送方式和接收人');
    if (proxy && to !== 'collected') throw new AppError('VALIDATION', '只有领取时才登记代领人');
    const r = write((tx) => {
      const before = row(id);
      if (before.version !== version) throw new AppError('CONFLICT', STALE);
      const forwarded = before.forwarded === 1;
      if (!canTransition(before.status, to, { forwarded })) {
        const why =
          to === 'cancelled' && !OPEN_STATUSES.includes(before.status)
            ? '（已办结的事项不能撤销）'
            : to === 'completed' && forwarded
              ? '（该事项须先转报县级部门，由县级部门办结）'
              : '';
        throw new AppError('CONFLICT', `不能从“${INTAKE_STATUS_LABELS[before.status]}”变为“${INTAKE_STATUS_LABELS[to]}”${why}`);
      }
      // the county decides on what it was sent; handing over and cancelling stay at the counter
      if (actor.kind === 'county' && !(before.status === 'forwarded' && (to === 'completed' || to === 'returned'))) {
        throw new AppError('CONFLICT', `县级部门只能对已转报的事项办结或退回（当前为“${INTAKE_STATUS_LABELS[before.status]}”）`);
      }
      const need = requiredFor(to);
      if (need === 'reason' && !reason) throw new AppError('VALIDATION', `请填写${INTAKE_STATUS_LABELS[to]}原因`, { reason: '请填写原因' });
      if (need === 'result' && !result) throw new AppError('VALIDATION', '请填写办理结果', { result: '请填写办理结果' });
      if (need === 'receiver' && !receiverName && !proxy) throw new AppError('VALIDATION', to === 'collected' ? '请填写领取人姓名' : '请填写签收人姓名', { receiverName: '请填写姓名' });
      const iso = clock.now().toISOString();
      // 代领: the proxy's number is checked before anything is written, and stays out of the audit
      const proxyIdNumber = proxy ? deps.extra.checkProxy(proxy, before.resident_id) : null;
      changeStatus(before, to, { result, reason, receiverName: proxy ? proxy.name : receiverName }, actor, iso);
      if (proxy && proxyIdNumber) deps.extra.recordProxy(id, { ...proxy, idNumber: proxyIdNumber });
      const after = row(id);
      tx.change({
        actorId: actor.id,
        action: 'intake.transition',
        entity: 'intake',
        entityId: id,
        op: 'update',
        version: after.version,
        snapshot: after,
        detail: { receiptNo: before.receipt_no, from: before.status, to, ...(proxy ? { proxy: true } : {}), ...actorDetail(actor) },
      });
      return after;
    });
    const printsReceipt = actor.kind === 'staff' && (to === 'completed' || to === 'collected' || to === 'delivered');
    const issued = printsReceipt ? deps.docs.issue(deps.docs.completionDoc(r, actor.name), { entity: 'intake', entityId: id, number: r.receipt_no }, actor.id) : { documentId: null, documentError: null };
    return { row: r, issued };
  }

  /** The county accepted a forwarded item and assigned it to a department: the status stays 已转报. */
  function assign(input: AssignInput, actor: Actor): Row {
    const department = input.department.trim();
    if (!department) throw new AppError('VALIDATION', '请填写承办部门', { department: '请填写承办部门' });
    if (department.length > 60) throw new AppError('VALIDATION', '承办部门不能超过 60 字', { department: '承办部门过长' });
    return write((tx) => {
      const before = row(input.id);
      if (before.version !== input.version) throw new AppError('CONFLICT', STALE);
      if (before.status !== 'forwarded') throw new AppError('CONFLICT', `只有已转报的事项才能分派承办部门（当前为“${INTAKE_STATUS_LABELS[before.status]}”）`);
      const iso = clock.now().toISOString();
      setDepartment.run(department, iso, before.id);
      deps.store.noteEvent(before, `县级受理，承办部门：${department}`, actor, iso);
      const after = row(before.id);
      tx.change({
        actorId: actor.id,
        action: 'intake.assign',
        entity: 'intake',
        entityId: before.id,
        op: 'update',
        version: after.version,
        snapshot: after,
        detail: { receiptNo: before.receipt_no, from: before.department, to: department, ...actorDetail(actor) },
      });
      return after;
    });
  }

  return { transition, assign };
}

export type IntakeTransitions = ReturnType<typeof createIntakeTransitions>;
