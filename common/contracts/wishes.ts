/**
 * 微心愿 micro-wishes: the calls for wishes, claimants, proofs, the wall, statistics, the
 * value cap and the lobby links (common/wish-status.ts holds the machine and the rules).
 * Every message is Chinese and names its field; checks that need the station's clock or
 * database (deadline not past, value over the cap, a published wish) are made in main and
 * come back as VALIDATION/CONFLICT with `fields` keyed like these inputs.
 */
import * as z from 'zod';
import { call, none, RequestId } from '../contract-kit';
import { freeText, plainKey } from '../text';
import { isIsoDate } from '../idcard';
import { checkPhone } from '../phone';
import { KeyTagSchema } from './residents';
import {
  CLAIMANT_CATEGORIES,
  CLAIMANT_KINDS,
  CONFIRMATIONS,
  MAX_WISH_VALUE_YUAN,
  parseYuan,
  SATISFACTIONS,
  WISH_CATEGORIES,
  WISH_SOURCES,
  WISH_STATUSES,
  WISH_STEPS,
} from '../wish-status';

const Id = (what: string) => plainKey(what, { max: 64 });
const WishId = Id('心愿编号');
const ClaimantId = Id('认领方');
const Version = z.number({ error: '缺少版本号，请刷新后重试' }).int().positive();

const Day = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .refine(isIsoDate, { error: `${label}格式应为 年-月-日（如 2026-12-31）` });

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 年-月（如 2026-12）' });

export const WishStatusSchema = z.enum(WISH_STATUSES, { error: '状态不正确' });
export const WishCategorySchema = z.enum(WISH_CATEGORIES, { error: '请选择心愿类别' });
export const WishSourceSchema = z.enum(WISH_SOURCES, { error: '请选择心愿来源' });
export const ClaimantCategorySchema = z.enum(CLAIMANT_CATEGORIES, { error: '请选择认领方类别' });

/**
 * Estimated value in yuan, typed as a number or as text ("199.5", "¥200"): answers 分
 * (an integer, no float error). Not a number, negative, more than two decimals or above
 * MAX_WISH_VALUE_YUAN are refused here; the station's cap is checked in main.
 */
export const YuanSchema = (label: string) =>
  z.union([z.number({ error: `${label}须为数字（元）` }), freeText(label, { max: 20 })], { error: `请填写${label}` }).transform((v, ctx) => {
    const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : 'x') : v;
    if (text.trim() === '') {
      ctx.addIssue({ code: 'custom', message: `请填写${label}` });
      return z.NEVER;
    }
    if (/^\s*-/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `${label}不能为负数` });
      return z.NEVER;
    }
    const fen = parseYuan(text);
    if (fen === null) {
      ctx.addIssue({ code: 'custom', message: `${label}须为数字（元），最多两位小数` });
      return z.NEVER;
    }
    if (fen > MAX_WISH_VALUE_YUAN * 100) {
      ctx.addIssue({ code: 'custom', message: `${label}不能超过 ${MAX_WISH_VALUE_YUAN} 元` });
      return z.NEVER;
    }
    return fen;
  });

const RequiredPhone = z
  .string({ error: '请填写联系电话' })
  .trim()
  .max(30, { error: '联系电话过长' })
  .transform((v, ctx) => {
    const r = checkPhone(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.phone;
  });

const Reason = (label: string) => freeText(label, { max: 200, min: 1, multiline: true });

// ---------------------------------------------------------------- records

export const ClaimShare = z.object({
  claimantId: z.string(),
  /** the claimant's name as registered (units in full; a person's name only to signed-in staff) */
  name: z.string(),
  /** 张*华 for a person; a unit's name in full (a unit's name is not personal data) */
  publicName: z.string(),
  kind: z.enum(CLAIMANT_KINDS),
  category: ClaimantCategorySchema,
  percent: z.number(),
  /** this share's part of the value in 分; the parts add up to the wish's value exactly */
  valueFen: z.number(),
});
export type ClaimShare = z.infer<typeof ClaimShare>;

export const WishClaim = z.object({
  id: z.string(),
  /** the 认领凭证's number: the wish number and the claim's ordinal, e.g. …-W0007-R1 */
  claimNo: z.string(),
  claimedAt: z.string(),
  claimedByName: z.string(),
  promisedHandoverDate: z.string(),
  note: z.string().nullable(),
  shares: z.array(ClaimShare),
  /** set when the claim was cancelled (认领取消) and the wish went back on the wall */
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type WishClaim = z.infer<typeof WishClaim>;

export const WishProof = z.object({
  id: z.string(),
  wishId: z.string(),
  fileName: z.string(),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  bytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
  /** attached to the fulfilment (null while uploaded but not yet used) */
  attached: z.boolean(),
});
export type WishProof = z.infer<typeof WishProof>;

export const WishFulfilment = z.object({
  handoverDate: z.string(),
  delivered: z.string(),
  confirmation: z.enum(CONFIRMATIONS),
  /** who signed for a 家属代为签收 */
  confirmerName: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  proofs: z.array(WishProof),
});

export const WishFollowUp = z.object({
  visitedOn: z.string(),
  satisfaction: z.enum(SATISFACTIONS),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});

export const WishRecord = z.object({
  id: z.string(),
  wishNo: z.string(),
  residentId: z.string(),
  /** the beneficiary's name in full: staff screens only */
  beneficiaryName: z.string(),
  /** 张*华: the wall, the lobby and every printed form */
  beneficiaryMasked: z.string(),
  /** the beneficiary's key-service tags (空巢老人 …) as the registry holds them now */
  beneficiaryTags: z.array(KeyTagSchema),
  title: z.string(),
  description: z.string(),
  category: WishCategorySchema,
  valueFen: z.number(),
  /** "199.50" */
  valueYuan: z.string(),
  source: WishSourceSchema,
  deadline: z.string(),
  /** as shown now: a pending/published wish past its deadline reads 已过期 even before the sweep records it */
  status: WishStatusSchema,
  /** above the cap in force when recorded: only 站长/管理员 may approve it */
  needsApproval: z.boolean(),
  /** the cap it was judged against, in 分 */
  capFen: z.number(),
  createdAt: z.string(),
  createdByName: z.string(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  /** 未通过 / 已撤回 / 取消认领: the last reason given */
  reason: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** the current claim, or null (a cancelled one is in the history) */
  claim: WishClaim.nullable(),
  fulfilment: WishFulfilment.nullable(),
  followUp: WishFollowUp.nullable(),
  /** steps main will accept from here (for the buttons) */
  next: z.array(z.enum(WISH_STEPS)),
  updatedAt: z.string(),
  version: z.number(),
});
export type WishRecord = z.infer<typeof WishRecord>;

export const WishEvent = z.object({
  at: z.string(),
  byName: z.string(),
  step: z.enum(WISH_STEPS),
  from: WishStatusSchema.nullable(),
  to: WishStatusSchema,
  reason: z.string().nullable(),
});
export type WishEvent = z.infer<typeof WishEvent>;

/** One card of the 心愿墙 and of the lobby screen: nothing private (no id number, phone, address, description). */
export const WallCard = z.object({
  id: z.string(),
  wishNo: z.string(),
  title: z.string(),
  category: WishCategorySchema,
  valueYuan: z.string(),
  deadline: z.string(),
  beneficiaryMasked: z.string(),
  /** 待认领 / 已认领 / 已圆梦 */
  claimState: z.enum(['open', 'claimed', 'fulfilled']),
  /** public names of the claimants (units in full, persons masked) */
  claimedBy: z.array(z.string()),
  publishedAt: z.string(),
  /** days left to the deadline (0 = today is the last day); null once claimed */
  daysLeft: z.number().nullable(),
});
export type WallCard = z.infer<typeof WallCard>;

export const Wall = z.object({ generatedAt: z.string(), stationName: z.string(), cards: z.array(WallCard) });
export type Wall = z.infer<typeof Wall>;

export const WallFilter = z.object({
  category: WishCategorySchema.optional(),
  claimState: z.enum(['open', 'claimed', 'fulfilled']).optional(),
  /** 已圆梦 cards are shown for this many days after the handover (0: none) */
  fulfilledDays: z.number().int().min(0).max(365).default(30),
});

export const Claimant = z.object({
  id: z.string(),
  kind: z.enum(CLAIMANT_KINDS),
  category: ClaimantCategorySchema,
  name: z.string(),
  publicName: z.string(),
  /** a unit's contact person; a person's own name again */
  contactName: z.string().nullable(),
  phone: z.string(),
  creditCode: z.string().nullable(),
  /** the GB 32100 check's warning on the stored code, or null */
  creditCodeWarning: z.string().nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  claims: z.number(),
  fulfilled: z.number(),
});
export type Claimant = z.infer<typeof Claimant>;

export const ClaimantHistoryLine = z.object({
  wishId: z.string(),
  wishNo: z.string(),
  title: z.string(),
  category: WishCategorySchema,
  beneficiaryMasked: z.string(),
  claimNo: z.string(),
  percent: z.number(),
  valueFen: z.number(),
  claimedAt: z.string(),
  promisedHandoverDate: z.string(),
  handoverDate: z.string().nullable(),
  /** the wish's status now; a cancelled claim reads its cancellation */
  status: WishStatusSchema,
  cancelled: z.boolean(),
});

const ClaimantFields = {
  category: ClaimantCategorySchema,
  name: freeText('认领方名称', { max: 60, min: 1 }),
  /** a unit's contact person (required for a unit) */
  contactName: freeText('联系人', { max: 30 }).optional(),
  phone: RequiredPhone,
  /** a unit's 统一社会信用代码: checked by GB 32100, a mismatch is a warning, not a refusal */
  creditCode: freeText('统一社会信用代码', { max: 30 })
    .transform((v) => v.toUpperCase())
    .optional(),
  note: freeText('备注', { max: 200, multiline: true }).optional(),
};

const ClaimantSaved = z.object({
  claimant: Claimant,
  /** GB 32100 and other soft checks: shown next to their field, the record is saved */
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
});

/** expired counts in the month the deadline day ended (its next day), whether or not the sweep has recorded it yet */
export const MonthFigures = z.object({ month: z.string(), recorded: z.number(), published: z.number(), claimed: z.number(), fulfilled: z.number(), expired: z.number() });

export const WishStats = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(MonthFigures),
  byCategory: z.array(z.object({ category: WishCategorySchema, recorded: z.number(), fulfilled: z.number(), valueFen: z.number() })),
  /** unit claimants (and, last, all persons together), by claims within the period */
  byClaimantUnit: z.array(z.object({ claimantId: z.string().nullable(), name: z.string(), category: z.string(), claims: z.number(), fulfilled: z.number(), valueFen: z.number() })),
  /** mean days from publication to claim / to handover, over the wishes that got there in the period; null when none */
  avgDaysToClaim: z.number().nullable(),
  avgDaysToFulfil: z.number().nullable(),
});
export type WishStats = z.infer<typeof WishStats>;

export const LobbyLink = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  revokedAt: z.string().nullable(),
});

/** Largest proof file accepted, decoded. */
export const MAX_PROOF_BYTES = 5 * 1024 * 1024;


// ---------------------------------------------------------------- calls

export const wishesCalls = {
  /** 登记心愿: starts 待审核; publishNow publishes at once when within the cap (otherwise it waits for the 站长) */
  'wishes.create': call(
    z.object({
      requestId: RequestId,
      residentId: plainKey('受助居民', { max: 64, missing: '请先选择受助居民' }),
      title: freeText('心愿标题', { max: 40, min: 1 }),
      description: freeText('心愿描述', { max: 500, multiline: true }).default(''),
      category: WishCategorySchema,
      value: YuanSchema('预估价值'),
      source: WishSourceSchema,
      deadline: Day('心愿截止日期'),
      publishNow: z.boolean().default(false),
    }),
    z.object({ record: WishRecord, /** publishNow was asked but the value is above the cap: it waits for approval */ awaitingApproval: z.boolean() }),
    'signedIn',
  ),
  'wishes.get': call(z.object({ id: WishId }), z.object({ record: WishRecord, events: z.array(WishEvent), claims: z.array(WishClaim), proofs: z.array(WishProof) }), 'signedIn'),
  'wishes.list': call(
    z.object({
      status: WishStatusSchema.optional(),
      category: WishCategorySchema.optional(),
      /** title, wish number or the beneficiary's name */
      text: freeText('搜索内容', { max: 40 }).optional(),
      /** recorded in this month (station time) */
      month: Month.optional(),
      residentId: plainKey('居民', { max: 64 }).optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    z.array(WishRecord),
    'signedIn',
  ),
  /** 发布 a pending wish within the cap (any clerk); above the cap it is refused: use wishes.approve */
  'wishes.publish': call(z.object({ id: WishId, version: Version }), z.object({ record: WishRecord }), 'signedIn'),
  /** 站长审批: publishes a pending wish of any value */
  'wishes.approve': call(z.object({ id: WishId, version: Version, note: freeText('审批意见', { max: 200, multiline: true }).optional() }), z.object({ record: WishRecord }), 'wishes.approve'),
  'wishes.reject': call(z.object({ id: WishId, version: Version, reason: Reason('不通过原因') }), z.object({ record: WishRecord }), 'wishes.approve'),
  'wishes.withdraw': call(z.object({ id: WishId, version: Version, reason: Reason('撤回原因') }), z.object({ record: WishRecord }), 'signedIn'),
  /** 认领: one or several claimants, whole percentages adding up to 100 */
  'wishes.claim': call(
    z.object({
      requestId: RequestId,
      id: WishId,
      version: Version,
      shares: z
        .array(z.object({ claimantId: ClaimantId, percent: z.number({ error: '请填写认领份额（百分比）' }).int({ error: '认领份额须为整数（百分比）' }).min(1, { error: '认领份额至少 1%' }).max(100, { error: '认领份额不能超过 100%' }) }), {
          error: '请选择认领方',
        })
        .min(1, { error: '请至少选择一个认领方' })
        .max(10, { error: '一个心愿最多由 10 个认领方共同认领' }),
      promisedHandoverDate: Day('承诺交接日期'),
      note: freeText('备注', { max: 200, multiline: true }).optional(),
    }),
    z.object({ record: WishRecord }),
    'signedIn',
  ),
  /** 取消认领: the claimant backed out; the wish goes back on the wall */
  'wishes.unclaim': call(z.object({ id: WishId, version: Version, reason: Reason('取消认领原因') }), z.object({ record: WishRecord }), 'signedIn'),
  /** a photo or scan of the handover: sent as base64, checked to be JPEG/PNG/WebP by its content, at most MAX_PROOF_BYTES */
  'wishes.proofUpload': call(
    z.object({
      requestId: RequestId,
      id: WishId,
      fileName: freeText('文件名', { max: 120, min: 1 }),
      base64: z
        .string({ error: '请选择照片或扫描件' })
        .min(1, { error: '请选择照片或扫描件' })
        .regex(/^(data:[\w/+.-]+;base64,)?[A-Za-z0-9+/=\s]+$/, { error: '文件内容无法读取，请重新选择文件' })
        .max(Math.ceil((MAX_PROOF_BYTES * 4) / 3) + 8, { error: `文件不能超过 ${MAX_PROOF_BYTES / 1024 / 1024} MB` }),
    }),
    z.object({ proof: WishProof }),
    'signedIn',
  ),
  /** a proof's bytes, to show it */
  'wishes.proofGet': call(z.object({ proofId: Id('凭证文件') }), z.object({ proof: WishProof, base64: z.string() }), 'signedIn'),
  /** 圆梦交接 */
  'wishes.fulfil': call(
    z.object({
      id: WishId,
      version: Version,
      handoverDate: Day('交接日期'),
      delivered: freeText('交付物品/服务', { max: 200, min: 1, multiline: true }),
      proofIds: z.array(Id('凭证文件'), { error: '请上传交接照片或扫描件' }).min(1, { error: '请上传至少一张交接照片或扫描件' }).max(10, { error: '最多 10 个凭证文件' }),
      confirmation: z.enum(CONFIRMATIONS, { error: '请选择受助人确认方式' }),
      /** required for 家属代为签收 */
      confirmerName: freeText('代签人姓名', { max: 30 }).optional(),
    }),
    z.object({ record: WishRecord }),
    'signedIn',
  ),
  /** 回访 */
  'wishes.followUp': call(
    z.object({
      id: WishId,
      version: Version,
      visitedOn: Day('回访日期'),
      satisfaction: z.enum(SATISFACTIONS, { error: '请选择满意度' }),
      note: freeText('回访记录', { max: 300, multiline: true }).optional(),
    }),
    z.object({ record: WishRecord }),
    'signedIn',
  ),
  /** the 心愿墙 as staff see it (the lobby's GET /lobby/wall.json gives the same cards) */
  'wishes.wall': call(WallFilter, Wall, 'signedIn'),
  'wishes.stats': call(
    z
      .object({ from: Month.optional(), to: Month.optional() })
      .refine((v) => !v.from || !v.to || v.from <= v.to, { error: '起始月份不能晚于截止月份', path: ['to'] }),
    WishStats,
    'signedIn',
  ),
  'wishes.settings': call(none, z.object({ valueCapFen: z.number(), valueCapYuan: z.string() }), 'signedIn'),
  'wishes.setCap': call(z.object({ valueCap: YuanSchema('价值上限') }), z.object({ valueCapFen: z.number(), valueCapYuan: z.string() }), 'wishes.approve'),

  'claimants.create': call(z.object({ requestId: RequestId, ...ClaimantFields }), ClaimantSaved, 'signedIn'),
  'claimants.update': call(z.object({ id: ClaimantId, version: Version, ...ClaimantFields, active: z.boolean().default(true) }), ClaimantSaved, 'signedIn'),
  'claimants.list': call(
    z.object({
      text: freeText('搜索内容', { max: 40 }).optional(),
      kind: z.enum(CLAIMANT_KINDS).optional(),
      category: ClaimantCategorySchema.optional(),
      includeInactive: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    z.array(Claimant),
    'signedIn',
  ),
  'claimants.get': call(z.object({ id: ClaimantId }), z.object({ claimant: Claimant, history: z.array(ClaimantHistoryLine) }), 'signedIn'),

  /** a read-only link for the hall's screen: its token is shown once, here, and reads only the public wall */
  'wishes.lobbyCreate': call(z.object({ label: freeText('显示屏名称', { max: 30, min: 1 }) }), z.object({ link: LobbyLink, token: z.string(), /** path + query to open on the lobby screen */ path: z.string() }), 'wishes.lobby'),
  'wishes.lobbyRevoke': call(z.object({ id: Id('大厅屏链接') }), z.object({ link: LobbyLink }), 'wishes.lobby'),
  'wishes.lobbyList': call(none, z.array(LobbyLink), 'wishes.lobby'),
} as const;
