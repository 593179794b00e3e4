/** 代办 intake calls. */
import * as z from 'zod';
import { call, none, RequestId } from '../contract-kit';
import { FORWARD_CHANNELS, INTAKE_STATUSES, PROXY_RELATIONS } from '../intake-status';
import { EligibilityWarning } from '../eligibility';
import { PromiseCalendar } from './calendar';
import { freeText, plainKey } from '../text';

const Id = plainKey('记录编号', { max: 64 });
const Status = z.enum(INTAKE_STATUSES, { error: '状态不正确' });
const Materials = z.array(freeText('材料名称', { min: 1, max: 120 }), { error: '材料清单格式不正确' }).max(60, { error: '材料不能超过 60 项' });
const ItemCode = plainKey('事项编码', { max: 40, missing: '请选择办理事项' });
const ResidentId = plainKey('办事群众编号', { max: 64, missing: '请先选择或登记办事群众' });
const Note = freeText('备注', { max: 500, multiline: true }).optional();

export const Urgency = z.enum(['overdue', 'dueSoon', 'normal', 'closed']);

export const IntakeRecord = z.object({
  id: z.string(),
  receiptNo: z.string(),
  /** the 查询码 printed on the 受理回执 (with the receipt number it opens the county's progress page); null only for a record older than migration 0014 that has none */
  checkCode: z.string().nullable(),
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
  /** accepted and completed in one step (当场办结) */
  onTheSpot: z.boolean(),
  /** the 一次性告知书 this acceptance followed, if any */
  notice: z.object({ id: z.string(), noticeNo: z.string(), issuedAt: z.string() }).nullable(),
  /** eligibility warnings shown at acceptance that the clerk accepted over */
  eligibilityWarnings: z.array(EligibilityWarning),
  transmittal: z
    .object({
      id: z.string(),
      transmittalNo: z.string(),
      department: z.string(),
      channel: z.enum(FORWARD_CHANNELS),
      channelNote: z.string().nullable(),
      receiverName: z.string(),
      receivedAt: z.string(),
    })
    .nullable(),
  /** who collected for the applicant (代领); the 身份证号 only masked */
  proxy: z.object({ name: z.string(), idMasked: z.string(), relation: z.string() }).nullable(),
  /** the county's latest decision on a forwarded item, as sync brought it back */
  county: z
    .object({
      decision: z.enum(['accepted', 'completed', 'returned']),
      department: z.string().nullable(),
      result: z.string().nullable(),
      reason: z.string().nullable(),
      decidedAt: z.string(),
      decidedBy: z.string(),
    })
    .nullable(),
});
export type IntakeRecord = z.infer<typeof IntakeRecord>;

export const IntakeEvent = z.object({ at: z.string(), byName: z.string(), from: Status.nullable(), to: Status, reason: z.string().nullable() });

export const NoticeSummary = z.object({
  id: z.string(),
  noticeNo: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  materialsMissing: z.array(z.string()),
  issuedAt: z.string(),
  issuedByName: z.string(),
  /** the printed 一次性告知书, to view or reprint */
  documentId: z.string().nullable(),
  /** the item accepted after it, once the resident came back with the materials */
  followedBy: z.object({ id: z.string(), receiptNo: z.string() }).nullable(),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;

const PersonName = (label: string) => freeText(label, { min: 1, max: 30 });

/** 代领: who collects for the applicant. The 身份证号 is checked in main against the station's date. */
export const ProxyInput = z.object({
  name: PersonName('代领人姓名'),
  idNumber: freeText('代领人身份证号', { min: 1, max: 40 }),
  relation: z.enum(PROXY_RELATIONS, { error: '请选择代领人与申请人的关系' }),
});

const Issued = z.object({
  /** the printed document (receipt or notice), or null when it could not be made */
  documentId: z.string().nullable(),
  /** why the document could not be made; the record itself is saved */
  documentError: z.string().nullable(),
});

export const intakeCalls = {
  /** what accepting now would promise: shown on the intake form before accepting */
  'intake.preview': call(
    z.object({ itemCode: ItemCode, residentId: ResidentId.optional() }),
    z.object({
      promisedDate: z.string(),
      promisedAt: z.string().nullable(),
      timeLimitText: z.string(),
      calendarWarning: z.string().nullable(),
      /** counted on the statutory holidays of a year whose notice is not loaded yet */
      provisional: z.boolean(),
      /** the item's conditions this resident does not seem to meet (only with residentId) */
      warnings: z.array(EligibilityWarning),
      /** the earlier 一次性告知书 accepting would be linked to (only with residentId) */
      notice: z.object({ noticeNo: z.string(), issuedAt: z.string() }).nullable(),
    }),
    'signedIn',
  ),
  /** 一次性告知/补正通知: lists everything still missing, at once */
  'intake.notice': call(
    z.object({ requestId: RequestId, residentId: ResidentId, itemCode: ItemCode, materialsReceived: Materials, note: Note }),
    Issued.extend({ noticeNo: z.string(), missing: z.array(z.string()) }),
    'signedIn',
  ),
  'intake.accept': call(
    z.object({
      requestId: RequestId,
      residentId: ResidentId,
      itemCode: ItemCode,
      materialsReceived: Materials,
      note: Note,
      /** the clerk saw the eligibility warnings and accepts anyway (recorded) */
      overrideWarnings: z.boolean().default(false),
      /** 当场办结: accept and complete in one step, for items whose limit is 当场办结 */
      onTheSpot: z
        .object({
          result: freeText('办理结果', { min: 1, max: 500, multiline: true }),
          /** the result was handed to the applicant there and then (领取) */
          handedOver: z.boolean(),
        })
        .optional(),
    }),
    Issued.extend({ record: IntakeRecord }),
    'signedIn',
  ),
  /** 转报: several items handed to one county department, recorded with a 转报单 */
  'intake.forward': call(
    z.object({
      requestId: RequestId,
      items: z
        .array(z.object({ id: Id, version: z.number().int().positive() }), { error: '请选择要转报的事项' })
        .min(1, { error: '请选择要转报的事项' })
        .max(50, { error: '一张转报单最多 50 件' }),
      department: freeText('接收部门', { min: 1, max: 40 }),
      channel: z.enum(FORWARD_CHANNELS, { error: '请选择报送方式' }),
      channelNote: freeText('说明', { max: 60 }).optional(),
      receiverName: PersonName('接收人姓名'),
      receivedAt: z.iso.datetime({ offset: true, error: '请填写接收时间' }),
      note: Note,
    }),
    Issued.extend({ transmittalNo: z.string(), records: z.array(IntakeRecord) }),
    'signedIn',
  ),
  /** 一次性告知书 by number (full, or the G0001 tail) or by resident, newest first */
  'intake.notices': call(
    z
      .object({
        query: freeText('编号', { max: 40 }).optional(),
        residentId: plainKey('办事群众编号', { max: 64 }).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .refine((v) => !!v.query || !!v.residentId, { error: '请输入告知书编号' }),
    z.array(NoticeSummary),
    'signedIn',
  ),
  'intake.transition': call(
    z.object({
      id: Id,
      to: Status,
      /** the version the clerk saw: a stale screen cannot overwrite a newer change */
      version: z.number().int().positive(),
      reason: freeText('原因', { max: 500, multiline: true }).optional(),
      result: freeText('办理结果', { max: 500, multiline: true }).optional(),
      receiverName: freeText('姓名', { max: 30 }).optional(),
      /** 领取 by someone else for the applicant */
      proxy: ProxyInput.optional(),
    }),
    Issued.extend({ record: IntakeRecord }),
    'signedIn',
  ),
  /** makes a receipt the record lacks because making it failed after the record was saved */
  'intake.reissue': call(z.object({ id: Id }), z.object({ documentId: z.string() }), 'signedIn'),
  'intake.get': call(z.object({ id: Id }), z.object({ record: IntakeRecord, events: z.array(IntakeEvent) }), 'signedIn'),
  'intake.list': call(
    z.object({
      view: z.enum(['today', 'mine', 'overdue', 'dueSoon', 'open', 'all']).default('open'),
      status: Status.optional(),
      itemCode: plainKey('事项编码', { max: 40 }).optional(),
      residentId: plainKey('办事群众编号', { max: 64 }).optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    z.array(IntakeRecord),
    'signedIn',
  ),
  'intake.counts': call(none, z.object({ today: z.number(), mine: z.number(), overdue: z.number(), dueSoon: z.number(), open: z.number() }), 'signedIn'),
} as const;
