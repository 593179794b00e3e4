/**
 * 微心愿 micro-wishes: the status machine, the words of the programme (categories, sources,
 * claimant kinds) and the rules that are pure arithmetic (shares, yuan, expiry). main
 * refuses every step not in the table; the renderer uses the same table only to decide
 * which buttons to show.
 *
 * The machine (stored statuses):
 *   pending (待审核) → published (已发布)   by 发布 (value within the cap, any clerk)
 *                                          or 审批通过 (any value, 站长/管理员: wishes.approve)
 *   pending → rejected (未通过, reason)      站长/管理员
 *   pending | published | claimed → withdrawn (已撤回, reason)
 *   published → claimed (已认领)            one or several claimants with shares adding up to 100%
 *   claimed → published                     认领取消 (reason): the claimant backed out
 *   claimed → fulfilled (已圆梦)            handover recorded with proof and the beneficiary's confirmation
 *   fulfilled → followedUp (已回访)          satisfaction and a note
 *   pending | published → expired (已过期)  not claimed by the end of its deadline day (station time,
 *                                          injected clock); shown as such on read at once, and recorded
 *                                          (audited, sent to the county) by the sweep main runs on a timer
 *                                          (start, hourly, date change) and before each step — never on a read
 */

export const WISH_STATUSES = ['pending', 'published', 'claimed', 'fulfilled', 'followedUp', 'rejected', 'withdrawn', 'expired'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  pending: '待审核',
  published: '已发布',
  claimed: '已认领',
  fulfilled: '已圆梦',
  followedUp: '已回访',
  rejected: '未通过',
  withdrawn: '已撤回',
  expired: '已过期',
};

/** The steps, each named for the call (or the sweep) that takes it. */
export const WISH_STEPS = ['create', 'publish', 'approve', 'reject', 'withdraw', 'claim', 'unclaim', 'fulfil', 'followUp', 'expire'] as const;
export type WishStep = (typeof WISH_STEPS)[number];

export const WISH_STEP_LABELS: Record<WishStep, string> = {
  create: '登记心愿',
  publish: '发布',
  approve: '站长审批通过并发布',
  reject: '审核未通过',
  withdraw: '撤回',
  claim: '认领',
  unclaim: '取消认领',
  fulfil: '圆梦交接',
  followUp: '回访',
  expire: '到期未认领',
};

const TRANSITIONS: Record<WishStep, { from: readonly WishStatus[]; to: WishStatus }> = {
  create: { from: [], to: 'pending' },
  publish: { from: ['pending'], to: 'published' },
  approve: { from: ['pending'], to: 'published' },
  reject: { from: ['pending'], to: 'rejected' },
  withdraw: { from: ['pending', 'published', 'claimed'], to: 'withdrawn' },
  claim: { from: ['published'], to: 'claimed' },
  unclaim: { from: ['claimed'], to: 'published' },
  fulfil: { from: ['claimed'], to: 'fulfilled' },
  followUp: { from: ['fulfilled'], to: 'followedUp' },
  expire: { from: ['pending', 'published'], to: 'expired' },
};

/** Statuses a wish can still leave by its deadline passing. */
export const EXPIRABLE: readonly WishStatus[] = TRANSITIONS.expire.from;

/** Still on the wall: 已发布 (open) and 已认领 (claimed, awaiting handover). */
export const WALL_STATUSES: readonly WishStatus[] = ['published', 'claimed', 'fulfilled', 'followedUp'];

export function targetOf(step: WishStep): WishStatus {
  return TRANSITIONS[step].to;
}

export function canStep(from: WishStatus, step: WishStep): boolean {
  return TRANSITIONS[step].from.includes(from);
}

/** The steps a clerk may take from a status (the sweep's expire and create excluded). */
export function stepsFrom(from: WishStatus): WishStep[] {
  return WISH_STEPS.filter((s) => s !== 'create' && s !== 'expire' && canStep(from, s));
}

/** Why a step is refused from a status, in Chinese; null when it is allowed. */
export function refusalOf(from: WishStatus, step: WishStep): string | null {
  if (canStep(from, step)) return null;
  const now = WISH_STATUS_LABELS[from];
  switch (step) {
    case 'publish':
    case 'approve':
    case 'reject':
      return `该心愿当前为“${now}”，只有待审核的心愿可以审核或发布`;
    case 'claim':
      return from === 'pending' ? '该心愿尚未发布，发布后才能认领' : `该心愿当前为“${now}”，只有已发布的心愿可以认领`;
    case 'unclaim':
      return `该心愿当前为“${now}”，没有可取消的认领`;
    case 'fulfil':
      return `该心愿当前为“${now}”，认领后才能登记圆梦交接`;
    case 'followUp':
      return `该心愿当前为“${now}”，圆梦交接后才能回访`;
    case 'withdraw':
      return `该心愿当前为“${now}”，不能撤回`;
    case 'expire':
      return `该心愿当前为“${now}”，不会过期`;
    case 'create':
      return '心愿已登记';
  }
}

/**
 * The status a wish shows at a station date: a pending or published wish whose deadline
 * day has ended is 已过期 even before the sweep has recorded it.
 */
export function effectiveStatus(stored: WishStatus, deadline: string, today: string): WishStatus {
  return EXPIRABLE.includes(stored) && deadline < today ? 'expired' : stored;
}

export const WISH_CATEGORIES = ['生活物资', '助学', '助老', '助残', '医疗健康', '就业', '其他'] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

export const WISH_SOURCES = ['居民提出', '网格员收集', '入户走访'] as const;
export type WishSource = (typeof WISH_SOURCES)[number];

export const CLAIMANT_KINDS = ['person', 'unit'] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];
export const CLAIMANT_KIND_LABELS: Record<ClaimantKind, string> = { person: '个人', unit: '单位' };

export const PERSON_CATEGORIES = ['党员', '志愿者', '居民'] as const;
export const UNIT_CATEGORIES = ['驻区单位', '党组织', '企业'] as const;
export const CLAIMANT_CATEGORIES = [...PERSON_CATEGORIES, ...UNIT_CATEGORIES] as const;
export type ClaimantCategory = (typeof CLAIMANT_CATEGORIES)[number];

export function kindOfCategory(c: ClaimantCategory): ClaimantKind {
  return (PERSON_CATEGORIES as readonly string[]).includes(c) ? 'person' : 'unit';
}

export const SATISFACTIONS = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const CONFIRMATIONS = ['本人签收', '家属代为签收'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

/** The station's default cap in yuan, above which the station head must approve. */
export const DEFAULT_VALUE_CAP_YUAN = 500;
/** The largest value a wish may carry at all (a 微心愿 is small). */
export const MAX_WISH_VALUE_YUAN = 100_000;

/** 199.5 元 → 19950 分; null when not a number of yuan with at most two decimals. */
export function parseYuan(raw: string): number | null {
  const s = raw.trim().replace(/[,，]/g, '').replace(/元$/, '').replace(/^[¥￥]/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.') as [string, string?];
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** 19950 → "199.50" */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * Shares of a joint claim: whole percentages, each 1–100, one per claimant, adding up to
 * exactly 100 (integers: no float error). Answers the Chinese refusal and the field it
 * belongs to, or null.
 */
export function checkShares(shares: readonly { claimantId: string; percent: number }[]): { field: string; message: string } | null {
  if (shares.length === 0) return { field: 'shares', message: '请至少选择一个认领方' };
  const seen = new Set<string>();
  for (const [i, s] of shares.entries()) {
    if (!Number.isInteger(s.percent) || s.percent < 1 || s.percent > 100) return { field: `shares.${i}.percent`, message: '认领份额须为 1–100 的整数（百分比）' };
    if (seen.has(s.claimantId)) return { field: `shares.${i}.claimantId`, message: '同一认领方只能出现一次' };
    seen.add(s.claimantId);
  }
  const total = shares.reduce((n, s) => n + s.percent, 0);
  if (total !== 100) return { field: 'shares', message: `各认领方份额合计须为 100%，现为 ${total}%` };
  return null;
}

/** Each share's part of the value in 分, the rounding remainder on the largest share, so the parts add up to the value exactly. */
export function splitValue(valueFen: number, percents: readonly number[]): number[] {
  const parts = percents.map((p) => Math.floor((valueFen * p) / 100));
  const rest = valueFen - parts.reduce((a, b) => a + b, 0);
  if (parts.length > 0 && rest !== 0) {
    let big = 0;
    percents.forEach((p, i) => {
      if (p > percents[big]!) big = i;
    });
    parts[big]! += rest;
  }
  return parts;
}

/** `130102001-20261127-W0007`: unique without the county, like the receipt numbers. */
export function formatWishNo(stationCode: string, date: string, serial: number): string {
  return `${stationCode}-${date.replaceAll('-', '')}-W${String(serial).padStart(4, '0')}`;
}

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Z without I, O, S, V, Z;
 * the 18th is the check character. Answers null when it checks, else a Chinese warning.
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeWarning(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return `统一社会信用代码应为 18 位，现为 ${code.length} 位，请核对`;
  const values = [...code].map((c) => USCC_ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return '统一社会信用代码含有不应出现的字符（不使用 I、O、S、V、Z），请核对';
  const sum = USCC_WEIGHTS.reduce((n, w, i) => n + w * values[i]!, 0);
  const check = (31 - (sum % 31)) % 31;
  if (check !== values[17]) return `统一社会信用代码校验位不符（按 GB 32100 第 18 位应为 ${USCC_ALPHABET[check]}），请核对`;
  return null;
}
