/** 代办 intake calls. */
import * as z from 'zod';
import { call, none } from '../contract-kit';
import { INTAKE_STATUSES } from '../intake-status';
import { PromiseCalendar } from './calendar';

const Id = z.string({ error: '缺少记录编号' }).min(1, { error: '缺少记录编号' }).max(64);
const Status = z.enum(INTAKE_STATUSES, { error: '状态不正确' });
const Materials = z.array(z.string().trim().min(1).max(120), { error: '材料清单格式不正确' }).max(60, { error: '材料不能超过 60 项' });
const ItemCode = z.string({ error: '请选择办理事项' }).trim().min(1, { error: '请选择办理事项' }).max(40);
const ResidentId = z.string({ error: '请先选择或登记办事群众' }).min(1, { error: '请先选择或登记办事群众' }).max(64);
const Note = z.string().trim().max(500, { error: '备注不能超过 500 字' }).optional();

export const Urgency = z.enum(['overdue', 'dueSoon', 'normal', 'closed']);

export const IntakeRecord = z.object({
  id: z.string(),
  receiptNo: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  residentIdMasked: z.string(),
  itemCode: z.string(),
  itemVersion: z.string(),
  itemName: z.string(),
  itemCategory: z.string(),
  department: z.string(),
  forwarded: z.boolean(),
  timeLimitText: z.string(),
  materialsRequired: z.array(z.string()),
  materialsReceived: z.array(z.string()),
  note: z.string().nullable(),
  status: Status,
  acceptedAt: z.string(),
  acceptedBy: z.string(),
  acceptedByName: z.string(),
  promisedDate: z.string(),
  promisedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  result: z.string().nullable(),
  handoverKind: z.enum(['collected', 'delivered']).nullable(),
  handoverAt: z.string().nullable(),
  receiverName: z.string().nullable(),
  closedReason: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
  urgency: Urgency,
  /** what the promise was counted on, and the date the calendar in force gives now */
  calendar: PromiseCalendar,
  /** transitions main will accept from here */
  next: z.array(Status),
});
export type IntakeRecord = z.infer<typeof IntakeRecord>;

export const IntakeEvent = z.object({ at: z.string(), byName: z.string(), from: Status.nullable(), to: Status, reason: z.string().nullable() });

const Issued = z.object({
  /** the printed document (receipt or notice), or null when it could not be made */
  documentId: z.string().nullable(),
  /** why the document could not be made; the record itself is saved */
  documentError: z.string().nullable(),
});

export const intakeCalls = {
  /** what accepting now would promise: shown on the intake form before accepting */
  'intake.preview': call(
    z.object({ itemCode: ItemCode }),
    z.object({ promisedDate: z.string(), promisedAt: z.string().nullable(), timeLimitText: z.string(), calendarWarning: z.string().nullable(), provisional: z.boolean() }),
  ),
  /** 一次性告知/补正通知: lists everything still missing, at once */
  'intake.notice': call(
    z.object({ residentId: ResidentId, itemCode: ItemCode, materialsReceived: Materials, note: Note }),
    Issued.extend({ noticeNo: z.string(), missing: z.array(z.string()) }),
  ),
  'intake.accept': call(z.object({ residentId: ResidentId, itemCode: ItemCode, materialsReceived: Materials, note: Note }), Issued.extend({ record: IntakeRecord })),
  'intake.transition': call(
    z.object({
      id: Id,
      to: Status,
      /** the version the clerk saw: a stale screen cannot overwrite a newer change */
      version: z.number().int().positive(),
      reason: z.string().trim().max(500, { error: '原因不能超过 500 字' }).optional(),
      result: z.string().trim().max(500, { error: '办理结果不能超过 500 字' }).optional(),
      receiverName: z.string().trim().max(30, { error: '姓名不能超过 30 字' }).optional(),
    }),
    Issued.extend({ record: IntakeRecord }),
  ),
  /** makes a receipt the record lacks because making it failed after the record was saved */
  'intake.reissue': call(z.object({ id: Id }), z.object({ documentId: z.string() })),
  'intake.get': call(z.object({ id: Id }), z.object({ record: IntakeRecord, events: z.array(IntakeEvent) })),
  'intake.list': call(
    z.object({
      view: z.enum(['today', 'mine', 'overdue', 'dueSoon', 'open', 'all']).default('open'),
      status: Status.optional(),
      itemCode: z.string().max(40).optional(),
      residentId: z.string().max(64).optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    z.array(IntakeRecord),
  ),
  'intake.counts': call(none, z.object({ today: z.number(), mine: z.number(), overdue: z.number(), dueSoon: z.number(), open: z.number() })),
} as const;
