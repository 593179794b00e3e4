/**
 * 转报: several accepted items handed to one county department at once. Records the
 * department, the channel, who received them and when, moves each item to 已转报 in
 * one transaction, and prints one 转报单 (A4) listing them all. The clerk confirms on
 * screen first; main checks every item again (version, status, that it is forwarded).
 */
import type { ServiceContext, StaffActor } from '../context';
import type { ParsedInput } from '../../common/contract';
import { AppError } from '../../common/errors';
import { canTransition, FORWARD_CHANNEL_LABELS, INTAKE_STATUS_LABELS, type ForwardChannel, type IntakeStatus } from '../../common/intake-status';
import { stationDate } from '../../common/time';
import type { PrintableDocument, StationHeader } from '../pdf/types';
import { newId } from '../clock';

/** What intake.ts lends this module: its row reader and its helpers, so both write alike. */
export interface ForwardKit<R> {
  row(id: string): R & { id: string; receipt_no: string; status: IntakeStatus; forwarded: number; version: number; accepted_at: string; resident_name: string; resident_id_masked: string; item_name: string; materials_received: string };
  changeStatus(before: R, to: IntakeStatus, v: { reason?: string }, actor: StaffActor, iso: string): void;
  stationHeader(): StationHeader;
  number(kind: 'transmittal', stationCode: string, day: string): string;
}

/** A receipt of receipt may be entered a little ahead of the clock (clocks differ); more is a typing error. */
const CLOCK_SLACK_MS = 10 * 60_000;

export function channelText(channel: ForwardChannel, note: string | null | undefined): string {
  return note ? `${FORWARD_CHANNEL_LABELS[channel]}（${note}）` : FORWARD_CHANNEL_LABELS[channel];
}

export function createIntakeForward<R>(ctx: ServiceContext, kit: ForwardKit<R>) {
  const { db, clock, write } = ctx;
  const insert = db.prepare(
    `INSERT INTO intake_transmittals (id, transmittal_no, department, channel, channel_note, receiver_name, received_at, note, created_at, created_by)
     VALUES (@id, @no, @department, @channel, @channelNote, @receiverName, @receivedAt, @note, @createdAt, @createdBy)`,
  );
  const link = db.prepare<[string, string]>('UPDATE intake_records SET transmittal_id = ? WHERE id = ?');

  /**
   * Commits the transmittal and the items' 已转报; returns the rows after and the printable
   * list. A repeat of the request (its requestId) answers with the first transmittal and no
   * list to print: it was printed the first time.
   */
  function forward(input: ParsedInput<'intake.forward'>, me: StaffActor): { transmittalId: string; transmittalNo: string; ids: string[]; doc: PrintableDocument | null } {
    if (input.channel === 'other' && !input.channelNote) throw new AppError('VALIDATION', '报送方式选“其他”时请说明如何报送', { channelNote: '请说明报送方式' });
    const ids = input.items.map((i) => i.id);
    if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', '同一事项在转报单中出现了两次');
    const now = clock.now();
    const received = new Date(input.receivedAt);
    if (received.getTime() > now.getTime() + CLOCK_SLACK_MS) throw new AppError('VALIDATION', '接收时间晚于当前时间，请核对', { receivedAt: '接收时间不能晚于现在' });
    const station = kit.stationHeader();
    const iso = now.toISOString();
    let doc: PrintableDocument | null = null;
    const { value } = write.once({ requestId: input.requestId, call: 'intake.forward', actorId: me.id }, (tx) => {
        const rows = input.items.map(({ id, version }) => {
          const r = kit.row(id);
          if (r.version !== version) throw new AppError('CONFLICT', `事项 ${r.receipt_no} 刚被其他人更新过，请刷新后再转报`);
          if (r.forwarded !== 1) throw new AppError('CONFLICT', `事项 ${r.receipt_no}（${r.item_name}）在本站办理，不需转报县级部门`);
          if (!canTransition(r.status, 'forwarded', { forwarded: true })) {
            throw new AppError('CONFLICT', `事项 ${r.receipt_no} 当前为“${INTAKE_STATUS_LABELS[r.status]}”，不能转报`);
          }
          // the clerk types minutes: an item accepted at 09:00:40 may be received "at 09:00"
          if (received.getTime() < Math.floor(Date.parse(r.accepted_at) / 60_000) * 60_000) throw new AppError('VALIDATION', `接收时间早于事项 ${r.receipt_no} 的受理时间，请核对`, { receivedAt: '接收时间早于受理时间' });
          return r;
        });
        const transmittalId = newId(clock);
        const no = kit.number('transmittal', station.code, stationDate(now));
        insert.run({
          id: transmittalId,
          no,
          department: input.department,
          channel: input.channel,
          channelNote: input.channelNote ?? null,
          receiverName: input.receiverName,
          receivedAt: received.toISOString(),
          note: input.note ?? null,
          createdAt: iso,
          createdBy: me.id,
        });
        const reason = `转报${input.department}（${channelText(input.channel, input.channelNote)}，接收人 ${input.receiverName}，转报单 ${no}）`;
        for (const r of rows) {
          kit.changeStatus(r, 'forwarded', { reason }, me, iso);
          link.run(transmittalId, r.id);
          const after = kit.row(r.id);
          tx.change({ actorId: me.id, action: 'intake.transition', entity: 'intake', entityId: r.id, op: 'update', version: after.version, snapshot: after, detail: { receiptNo: r.receipt_no, from: r.status, to: 'forwarded', transmittalNo: no } });
        }
        // the receiver's name is a county official's, but stays out like every name
        const transmittal = { ...db.prepare('SELECT * FROM intake_transmittals WHERE id = ?').get(transmittalId) as object, intakeIds: rows.map((r) => r.id) };
        tx.change({ actorId: me.id, action: 'intake_transmittal.issue', entity: 'intake_transmittal', entityId: transmittalId, op: 'create', snapshot: transmittal, detail: { transmittalNo: no, count: rows.length, channel: input.channel, receiptNos: rows.map((r) => r.receipt_no) } });
        doc = {
          kind: 'intake.transmittal',
          data: {
            station,
            transmittalNo: no,
            department: input.department,
            channel: channelText(input.channel, input.channelNote),
            receiverName: input.receiverName,
            receivedAt: received.toISOString(),
            createdAt: iso,
            clerkName: me.name,
            ...(input.note ? { note: input.note } : {}),
            items: rows.map((r) => ({
              receiptNo: r.receipt_no,
              itemName: r.item_name,
              applicantName: r.resident_name,
              idMasked: r.resident_id_masked,
              acceptedAt: r.accepted_at,
              materials: JSON.parse(r.materials_received) as string[],
            })),
          },
        };
        return { transmittalId, transmittalNo: no, ids };
      });
    return { ...value, doc };
  }

  return { forward };
}
