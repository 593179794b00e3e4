/**
 * 社会救助 (relief) calls: the application with its household, means and materials, every
 * legal step with its due date, 先行救助, withdrawal, the close-relative flag, the station
 * head's list, settings (the 低保 standard, asset limits, time limits) and the audited export.
 *
 * Privacy: income, health and disability details are returned only to holders of
 * 'relief.view' (common/roles.ts); for anyone else the read calls return them redacted
 * (null, with `redacted: true`), never a zero that looks like a figure.
 */
import * as z from 'zod';
import { call, none, RequestId } from '../contract-kit';
import { freeText, plainKey } from '../text';
import {
  ASSET_KINDS,
  CLOSE_RELATIVE_OF,
  EMPLOYMENTS,
  INCOME_KINDS,
  MEMBER_RELATIONS,
  RELIEF_STATUSES,
  RELIEF_STEPS,
  RELIEF_TYPES,
  SUPPORTER_RELATIONS,
} from '../relief';

const Id = plainKey('记录编号', { max: 64 });
const Version = z.number({ error: '缺少版本号' }).int().positive();
const ResidentId = plainKey('居民', { max: 64, missing: '请选择或登记居民' });
const Day = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 年-月-日` });
export const Month = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: `${label}格式应为 年-月` });
/** yuan, two decimals at most; stored as fen */
export const Yuan = (label: string, max = 10_000_000) =>
  z
    .number({ error: `请填写${label}` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能超过 ${max} 元` })
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: `${label}最多保留两位小数` });

export const ReliefType = z.enum(RELIEF_TYPES, { error: '请选择救助类型' });
export const ReliefStatus = z.enum(RELIEF_STATUSES, { error: '状态不正确' });

// ---------------------------------------------------------------------------------------
// Input: the household

export const IncomeInput = z.object({
  kind: z.enum(INCOME_KINDS, { error: '请选择收入类别' }),
  /** yuan received over `months` months: 1 = a regular monthly income; more = irregular income averaged over that period */
  amount: Yuan('收入金额'),
  months: z.number({ error: '请填写收入计算月数' }).int({ error: '月数须为整数' }).min(1, { error: '月数至少为 1' }).max(12, { error: '收入按最近 12 个月以内计算' }).default(1),
  note: freeText('收入说明', { max: 100 }).optional(),
});
export type IncomeInput = z.input<typeof IncomeInput>;

export const MemberInput = z.object({
  residentId: ResidentId,
  relation: z.enum(MEMBER_RELATIONS, { error: '请选择与申请人关系' }),
  employment: z.enum(EMPLOYMENTS, { error: '请选择就业状况' }),
  incomes: z.array(IncomeInput).max(20, { error: '每人收入最多 20 项' }).default([]),
  /** a 残疾证 grade (一级…四级) and kind, or none */
  disability: z
    .object({ grade: z.enum(['1', '2', '3', '4'], { error: '请选择残疾等级' }), kind: freeText('残疾类别', { max: 20, min: 1 }) })
    .nullable()
    .default(null),
  /** 健康状况: chronic or serious illness, as declared */
  health: freeText('健康状况', { max: 200 }).default(''),
  /** 在读学校与年级 for students */
  school: freeText('就读学校', { max: 60 }).default(''),
});
export type MemberInput = z.input<typeof MemberInput>;

export const AssetInput = z.object({
  kind: z.enum(ASSET_KINDS, { error: '请选择财产类别' }),
  description: freeText('财产说明', { max: 100, min: 1 }),
  /** yuan (deposits, securities: the balance; housing, vehicles: an estimate, 0 when unknown) */
  value: Yuan('财产价值', 1_000_000_000),
  /** how many (houses, vehicles); 1 for a balance */
  count: z.number().int().min(1).max(99).default(1),
  /** whose: a member's residentId, or null for the household */
  ownerResidentId: plainKey('财产所有人', { max: 64 }).nullable().default(null),
});
export type AssetInput = z.input<typeof AssetInput>;

export const SupporterInput = z.object({
  name: freeText('义务人姓名', { max: 30, min: 1 }),
  relation: z.enum(SUPPORTER_RELATIONS, { error: '请选择义务类别' }),
  /** to whom among the household, e.g. 申请人之子 */
  relationNote: freeText('与申请人关系', { max: 30 }).default(''),
  monthlyIncome: Yuan('义务人月收入'),
  householdSize: z.number().int().min(1, { error: '义务人家庭人口至少 1 人' }).max(30),
  /** what they contribute each month, if anything */
  monthlySupport: Yuan('实际给付赡（抚、扶）养费').default(0),
  note: freeText('义务人情况说明', { max: 200 }).default(''),
});
export type SupporterInput = z.input<typeof SupporterInput>;

export const CloseRelativeInput = z.object({
  /** the applicant or a member, by residentId */
  residentId: ResidentId,
  of: z.enum(CLOSE_RELATIVE_OF, { error: '请选择是哪类人员的近亲属' }),
  /** the staff member's or committee member's name and post */
  relativeName: freeText('工作人员姓名', { max: 30, min: 1 }),
  relativePost: freeText('职务', { max: 30 }).default(''),
  /** e.g. 配偶, 子女, 兄弟姐妹 */
  relation: freeText('亲属关系', { max: 20, min: 1 }),
  /** when the relative is station staff: their account, if any */
  staffId: plainKey('工作人员', { max: 64 }).nullable().default(null),
});
export type CloseRelativeInput = z.input<typeof CloseRelativeInput>;

const Household = {
  type: ReliefType,
  /** the applicant is members[] entry with relation 'applicant' (exactly one) */
  members: z.array(MemberInput, { error: '请登记家庭成员' }).min(1, { error: '请至少登记申请人本人' }).max(20, { error: '共同生活家庭成员最多 20 人' }),
  assets: z.array(AssetInput).max(50, { error: '财产最多 50 项' }).default([]),
  supporters: z.array(SupporterInput).max(20, { error: '义务人最多 20 人' }).default([]),
};

// ---------------------------------------------------------------------------------------
// Output: figures the UI prints as they are

/** One line of the per-capita arithmetic, e.g. 李四 工资性收入 3000.00 元 ÷ 3 个月 = 1000.00 元/月. */
export const MeansLine = z.object({
  residentId: z.string(),
  name: z.string(),
  kind: z.enum(INCOME_KINDS),
  amountFen: z.number().int(),
  months: z.number().int(),
  monthlyFen: z.number().int(),
  text: z.string(),
});
export const Means = z.object({
  householdSize: z.number().int(),
  /** members with no income, by name: counted in the household, contribute 0 */
  noIncome: z.array(z.string()),
  /** members 外出务工: counted in the household, their income counted in full */
  awayForWork: z.array(z.string()),
  lines: z.array(MeansLine),
  totalMonthlyFen: z.number().int(),
  perCapitaFen: z.number().int(),
  /** the 低保 standard in force on the date counted, or null when none is set */
  standard: z.object({ fen: z.number().int(), effectiveFrom: z.string(), source: z.string() }).nullable(),
  /** per-capita minus the standard: negative means below it */
  gapFen: z.number().int().nullable(),
  belowStandard: z.boolean().nullable(),
  /** the arithmetic in words, one line each, for the screen and the 入户调查表 */
  steps: z.array(z.string()),
});
export type Means = z.infer<typeof Means>;

export const AssetWarning = z.object({ rule: z.enum(['housing', 'vehicle', 'financial', 'business']), message: z.string() });
export type AssetWarning = z.infer<typeof AssetWarning>;

export const DueItem = z.object({
  /** accept, investigate, review, opinion, publicize, forward, decision (the whole case), notifyRefusal, or task:<id> */
  key: z.string(),
  label: z.string(),
  due: z.string(),
  doneOn: z.string().nullable(),
  state: z.enum(['done', 'open', 'dueSoon', 'overdue', 'skipped']),
  /** 工作日 or 自然日 */
  basis: z.enum(['workdays', 'naturalDays']),
});
export type DueItem = z.infer<typeof DueItem>;

export const Urgency = z.enum(['overdue', 'dueSoon', 'normal', 'closed']);

export const MemberView = z.object({
  residentId: z.string(),
  name: z.string(),
  idMasked: z.string(),
  age: z.number(),
  adult: z.boolean(),
  relation: z.enum(MEMBER_RELATIONS),
  employment: z.enum(EMPLOYMENTS),
  /** null when redacted */
  incomes: z.array(z.object({ kind: z.enum(INCOME_KINDS), amountFen: z.number().int(), months: z.number().int(), note: z.string() })).nullable(),
  disability: z.object({ grade: z.string(), kind: z.string() }).nullable(),
  health: z.string().nullable(),
  school: z.string(),
});

export const AssetView = z.object({ kind: z.enum(ASSET_KINDS), description: z.string(), valueFen: z.number().int().nullable(), count: z.number().int(), ownerResidentId: z.string().nullable() });
export const SupporterView = z.object({
  name: z.string(),
  relation: z.enum(SUPPORTER_RELATIONS),
  relationNote: z.string(),
  monthlyIncomeFen: z.number().int().nullable(),
  householdSize: z.number().int(),
  monthlySupportFen: z.number().int().nullable(),
  note: z.string().nullable(),
});
export const CloseRelativeView = z.object({ id: z.string(), residentId: z.string(), memberName: z.string(), of: z.enum(CLOSE_RELATIVE_OF), relativeName: z.string(), relativePost: z.string(), relation: z.string(), staffId: z.string().nullable(), recordedAt: z.string() });

export const Investigation = z.object({ round: z.number().int(), investigators: z.array(z.string()), date: z.string(), findings: z.string(), reviewNeeded: z.boolean(), recordedAt: z.string(), recordedByName: z.string() });
export const Review = z.object({ date: z.string(), participants: z.string(), outcome: z.string(), recordedAt: z.string() });
export const Opinion = z.object({ agree: z.boolean(), text: z.string(), proposedAmountFen: z.number().int().nullable(), recordedAt: z.string(), recordedByName: z.string() });
export const Publicity = z.object({ start: z.string(), end: z.string(), place: z.string(), objections: z.array(z.object({ receivedOn: z.string(), text: z.string(), recordedAt: z.string() })) });
export const CountyDecision = z.object({
  decision: z.enum(['approved', 'refused']),
  amountFen: z.number().int().nullable(),
  startMonth: z.string().nullable(),
  reasons: z.string().nullable(),
  decidedAt: z.string(),
  decidedBy: z.string(),
  /** the station's date of the decision, from which the 3 working days of the refusal notice count */
  decidedOn: z.string(),
});
export const RefusalNotice = z.object({ givenOn: z.string(), how: z.string(), recordedAt: z.string(), recordedByName: z.string() });
export const Emergency = z.object({ id: z.string(), amountFen: z.number().int().nullable(), reason: z.string(), grantedAt: z.string(), grantedByName: z.string() });
export const FollowTask = z.object({ id: z.string(), label: z.string(), due: z.string(), doneAt: z.string().nullable(), state: z.enum(['done', 'open', 'dueSoon', 'overdue']) });

export const ReliefCase = z.object({
  id: z.string(),
  caseNo: z.string(),
  type: ReliefType,
  status: ReliefStatus,
  version: z.number().int(),
  applicantId: z.string(),
  applicantName: z.string(),
  applicantIdMasked: z.string(),
  /** the only applicant data a public print may show: 张*华 */
  applicantNameMasked: z.string(),
  householdSize: z.number().int(),
  members: z.array(MemberView),
  assets: z.array(AssetView),
  supporters: z.array(SupporterView),
  /** the figures; null when redacted */
  means: Means.nullable(),
  assetWarnings: z.array(AssetWarning),
  /** true when the caller lacks 'relief.view': incomes, health, disability and money figures are null */
  redacted: z.boolean(),
  materialsRequired: z.array(z.string()),
  materialsReceived: z.array(z.string()),
  materialsMissing: z.array(z.string()),
  closeRelative: z.boolean(),
  closeRelatives: z.array(CloseRelativeView),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  acceptedAt: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  acceptedByName: z.string().nullable(),
  /** 30 working days from 受理, 45 once extended */
  limitWorkdays: z.number().int(),
  dueDate: z.string().nullable(),
  extension: z.object({ reason: z.string(), at: z.string(), byName: z.string() }).nullable(),
  investigations: z.array(Investigation),
  review: Review.nullable(),
  opinion: Opinion.nullable(),
  publicity: Publicity.nullable(),
  forwardedAt: z.string().nullable(),
  decision: CountyDecision.nullable(),
  refusalNoticeDue: z.string().nullable(),
  refusalNotice: RefusalNotice.nullable(),
  emergency: Emergency.nullable(),
  tasks: z.array(FollowTask),
  withdrawal: z.object({ reason: z.string(), at: z.string(), byName: z.string(), fromStatus: ReliefStatus }).nullable(),
  dues: z.array(DueItem),
  urgency: Urgency,
  /** a year the dates were counted on is provisional (no State Council notice loaded) */
  provisional: z.boolean(),
  /** steps main will accept now */
  next: z.array(z.enum(RELIEF_STEPS)),
  updatedAt: z.string(),
});
export type ReliefCase = z.infer<typeof ReliefCase>;

export const ReliefSummary = z.object({
  id: z.string(),
  caseNo: z.string(),
  type: ReliefType,
  status: ReliefStatus,
  version: z.number().int(),
  applicantName: z.string(),
  applicantIdMasked: z.string(),
  householdSize: z.number().int(),
  acceptedOn: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** the next open due item, if any */
  nextDue: DueItem.nullable(),
  urgency: Urgency,
  closeRelative: z.boolean(),
  openTasks: z.number().int(),
  updatedAt: z.string(),
});
export type ReliefSummary = z.infer<typeof ReliefSummary>;

export const ReliefEvent = z.object({ at: z.string(), byName: z.string(), step: z.string(), from: ReliefStatus.nullable(), to: ReliefStatus, text: z.string().nullable() });

export const ReliefSettings = z.object({
  /** the local 低保 standard: yuan per person per month, and the day it takes effect; the county pushes it through sync */
  standards: z.array(z.object({ fen: z.number().int(), effectiveFrom: z.string(), source: z.string(), origin: z.enum(['county', 'station']), recordedAt: z.string() })),
  limits: z.object({
    /** houses the household may own */
    maxHousing: z.number().int().min(0).max(10),
    /** motor vehicles the household may own (excluding a disabled member's mobility vehicle) */
    maxVehicles: z.number().int().min(0).max(10),
    /** deposits + securities per head, as months of the standard */
    financialMonths: z.number().int().min(0).max(120),
    /** whether a registered business is allowed */
    businessAllowed: z.boolean(),
  }),
  time: z.object({
    /** working days from 受理 to the county's decision */
    decisionWorkdays: z.number().int().min(1).max(90),
    /** when extended with a recorded reason */
    extendedWorkdays: z.number().int().min(1).max(120),
    /** working days from 受理 to each step's due date */
    investigateWorkdays: z.number().int().min(1).max(60),
    reviewWorkdays: z.number().int().min(1).max(60),
    opinionWorkdays: z.number().int().min(1).max(60),
    /** working days from 受理 by which the case goes to the county (报县审批) */
    forwardWorkdays: z.number().int().min(1).max(90),
    /** 公示 length in natural days (7 per the 2021 办法) */
    publicityDays: z.number().int().min(1).max(30),
    /** working days from the county's refusal to the written notice */
    refusalNoticeWorkdays: z.number().int().min(1).max(30),
    /** a due date this many working days away or nearer is 即将到期 */
    dueSoonWorkdays: z.number().int().min(0).max(10),
    /** 先行救助: working days to complete the paperwork that must follow */
    emergencyFollowWorkdays: z.number().int().min(1).max(60),
  }),
});
export type ReliefSettings = z.infer<typeof ReliefSettings>;

const Preview = z.object({ means: Means, assetWarnings: z.array(AssetWarning), materialsRequired: z.array(z.string()), adults: z.array(z.object({ residentId: z.string(), name: z.string() })) });

/** One step, told apart by `step`; every step carries the case's id and the version the clerk saw. */
export const StepInput = z.discriminatedUnion(
  'step',
  [
    /** 受理: the materials are complete now (the case was registered with some missing) */
    z.object({ step: z.literal('accept'), materialsReceived: z.array(freeText('材料名称', { max: 120, min: 1 })).max(40).optional() }),
    z.object({
      step: z.literal('investigate'),
      /** two investigators: staff names or 村/居委 members */
      investigators: z.tuple([freeText('第一调查人', { max: 30, min: 1 }), freeText('第二调查人', { max: 30, min: 1 })], { error: '入户调查须有两名调查人员' }),
      date: Day('调查日期'),
      findings: freeText('调查情况', { max: 2000, min: 1, multiline: true }),
      /** the household's situation is disputed or unclear: 民主评议 is needed before 初审 */
      reviewNeeded: z.boolean().default(false),
    }),
    z.object({ step: z.literal('review'), date: Day('评议日期'), participants: freeText('参加人员', { max: 500, min: 1, multiline: true }), outcome: freeText('评议结果', { max: 1000, min: 1, multiline: true }) }),
    z.object({ step: z.literal('opinion'), agree: z.boolean({ error: '请选择初审意见' }), text: freeText('初审意见', { max: 1000, min: 1, multiline: true }), proposedAmount: Yuan('拟救助金额（元/月）', 100_000).nullable().default(null) }),
    /** 公示 starts on `start`; it runs `publicityDays` natural days (end computed) */
    z.object({ step: z.literal('publicize'), start: Day('公示开始日期'), place: freeText('公示地点', { max: 60, min: 1 }) }),
    /** an objection received during 公示: the investigation reopens */
    z.object({ step: z.literal('objection'), receivedOn: Day('异议受理日期'), text: freeText('异议内容', { max: 1000, min: 1, multiline: true }) }),
    /** 报县审批 once 公示 has ended without an open objection: goes to the county through sync */
    z.object({ step: z.literal('forward') }),
    z.object({ step: z.literal('notifyRefusal'), givenOn: Day('送达日期'), how: freeText('送达方式', { max: 60, min: 1 }) }),
    z.object({ step: z.literal('withdraw'), reason: freeText('撤回原因', { max: 500, min: 1, multiline: true }) }),
    z.object({ step: z.literal('extend'), reason: freeText('延期原因', { max: 500, min: 1, multiline: true }) }),
  ],
  { error: '请选择办理步骤' },
);
export type StepInput = z.input<typeof StepInput>;

export const ExportFilter = z.object({
  status: z.enum(['open', 'closed', 'all']).default('all'),
  type: ReliefType.optional(),
  /** station dates, both ends included, on 登记 date */
  from: Day('起始日期').optional(),
  to: Day('截止日期').optional(),
});

export const reliefCalls = {
  /** settings in force: the 低保 standard history, asset limits and time limits */
  'relief.settings': call(none, ReliefSettings, 'signedIn'),
  /** limits and time limits set at the station (a county push of the standard is separate); audited */
  'relief.updateSettings': call(
    z.object({
      limits: ReliefSettings.shape.limits.partial().optional(),
      time: ReliefSettings.shape.time.partial().optional(),
      /** a standard recorded by hand until the county pushes one */
      standard: z.object({ amount: Yuan('低保标准（元/人·月）', 100_000), effectiveFrom: Day('执行日期'), source: freeText('文件依据', { max: 100, min: 1 }) }).optional(),
    }),
    ReliefSettings,
    'settings.edit',
  ),
  /** the figures for a household as typed, before saving (the form's live arithmetic); not audited, writes nothing */
  'relief.preview': call(z.object(Household), Preview, 'signedIn'),
  /** 登记申请: with every material → 已受理 (the 30 working days start); with some missing → 材料待补正 with the list for one 补正通知 */
  'relief.create': call(
    z.object({
      requestId: RequestId,
      ...Household,
      materialsReceived: z.array(freeText('材料名称', { max: 120, min: 1 })).max(40, { error: '材料不能超过 40 项' }).default([]),
      closeRelatives: z.array(CloseRelativeInput).max(20).default([]),
      note: freeText('备注', { max: 500, multiline: true }).optional(),
    }),
    z.object({ case: ReliefCase, missing: z.array(z.string()) }),
    'signedIn',
  ),
  /** replaces the household (members, assets, supporters) and close-relative records before the case is forwarded */
  'relief.updateHousehold': call(
    z.object({ id: Id, version: Version, ...Household, closeRelatives: z.array(CloseRelativeInput).max(20).default([]) }).omit({ type: true }),
    ReliefCase,
    'signedIn',
  ),
  /** records materials received later; answers with what is still missing */
  'relief.materials': call(z.object({ id: Id, version: Version, materialsReceived: z.array(freeText('材料名称', { max: 120, min: 1 })).max(40) }), z.object({ case: ReliefCase, missing: z.array(z.string()) }), 'signedIn'),
  'relief.step': call(z.object({ id: Id, version: Version, input: StepInput }), ReliefCase, 'signedIn'),
  /** 临时救助 先行救助: the head grants first; the paperwork that must follow becomes tasks with deadlines */
  'relief.emergency': call(
    z.object({ requestId: RequestId, id: Id, version: Version, amount: Yuan('先行救助金额', 100_000).refine((v) => v > 0, { error: '先行救助金额须大于 0' }), reason: freeText('先行救助原因', { max: 500, min: 1, multiline: true }) }),
    ReliefCase,
    'relief.emergency',
  ),
  'relief.completeTask': call(z.object({ id: Id, taskId: Id, version: Version }), ReliefCase, 'signedIn'),
  'relief.get': call(z.object({ id: Id }), z.object({ case: ReliefCase, events: z.array(ReliefEvent) }), 'signedIn'),
  'relief.list': call(
    z.object({ view: z.enum(['open', 'overdue', 'dueSoon', 'closeRelative', 'all']).default('open'), type: ReliefType.optional(), status: ReliefStatus.optional(), limit: z.number().int().min(1).max(500).default(200) }),
    z.array(ReliefSummary),
    'signedIn',
  ),
  /** 工作台 flags */
  'relief.counts': call(none, z.object({ open: z.number(), overdue: z.number(), dueSoon: z.number(), closeRelative: z.number(), tasksDue: z.number(), refusalNoticesDue: z.number() }), 'signedIn'),
  /** the station head's list: 近亲属备案 cases (kept separately), overdue and due-soon cases, open 先行救助 tasks */
  'relief.headList': call(
    none,
    z.object({
      closeRelatives: z.array(ReliefSummary.extend({ relatives: z.array(CloseRelativeView) })),
      overdue: z.array(ReliefSummary),
      dueSoon: z.array(ReliefSummary),
      tasks: z.array(FollowTask.extend({ caseId: z.string(), caseNo: z.string(), applicantName: z.string() })),
    }),
    'relief.view',
  ),
  /** the cases as .xlsx (saved under exports/); every export is audited */
  'relief.export': call(z.object({ filter: ExportFilter.default({ status: 'all' }) }), z.object({ fileName: z.string(), savedPath: z.string(), base64: z.string(), rows: z.number() }), 'relief.view'),
} as const;
