import { describe, expect, it } from 'vitest';
import {
  canStep,
  checkShares,
  creditCodeWarning,
  effectiveStatus,
  formatWishNo,
  formatYuan,
  parseYuan,
  refusalOf,
  splitValue,
  stepsFrom,
  targetOf,
  WISH_STATUSES,
  WISH_STEPS,
  type WishStatus,
  type WishStep,
} from '../../common/wish-status';
import { wishesCalls } from '../../common/contracts/wishes';

describe('微心愿 status machine', () => {
  it('walks the whole life: 待审核 → 已发布 → 已认领 → 已圆梦 → 已回访', () => {
    let s: WishStatus = targetOf('create');
    expect(s).toBe('pending');
    for (const [step, to] of [['publish', 'published'], ['claim', 'claimed'], ['fulfil', 'fulfilled'], ['followUp', 'followedUp']] as const) {
      expect(canStep(s, step)).toBe(true);
      s = targetOf(step);
      expect(s).toBe(to);
    }
    expect(stepsFrom('followedUp')).toEqual([]);
  });

  it('allows exactly the listed steps from each status, and refuses the rest in Chinese', () => {
    const allowed: Record<WishStatus, WishStep[]> = {
      pending: ['publish', 'approve', 'reject', 'withdraw', 'expire'],
      published: ['withdraw', 'claim', 'expire'],
      claimed: ['withdraw', 'unclaim', 'fulfil'],
      fulfilled: ['followUp'],
      followedUp: [],
      rejected: [],
      withdrawn: [],
      expired: [],
    };
    for (const from of WISH_STATUSES) {
      for (const step of WISH_STEPS) {
        const ok = allowed[from].includes(step);
        expect(canStep(from, step), `${from} --${step}`).toBe(ok);
        const why = refusalOf(from, step);
        if (ok) expect(why).toBeNull();
        else expect(why, `${from} --${step}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(refusalOf('pending', 'claim')).toBe('该心愿尚未发布，发布后才能认领');
    expect(refusalOf('expired', 'claim')).toContain('已过期');
    expect(refusalOf('fulfilled', 'withdraw')).toContain('不能撤回');
  });

  it('shows a pending or published wish as 已过期 once its deadline day has ended, and only those', () => {
    expect(effectiveStatus('published', '2026-11-30', '2026-11-30')).toBe('published'); // the last day still counts
    expect(effectiveStatus('published', '2026-11-30', '2026-12-01')).toBe('expired');
    expect(effectiveStatus('pending', '2026-11-30', '2026-12-01')).toBe('expired');
    expect(effectiveStatus('claimed', '2026-11-30', '2027-01-01')).toBe('claimed');
    expect(effectiveStatus('fulfilled', '2026-11-30', '2027-01-01')).toBe('fulfilled');
  });
});

describe('shares of a joint claim', () => {
  it('accepts whole percentages adding up to exactly 100', () => {
    expect(checkShares([{ claimantId: 'a', percent: 100 }])).toBeNull();
    expect(checkShares([{ claimantId: 'a', percent: 60 }, { claimantId: 'b', percent: 40 }])).toBeNull();
    expect(checkShares([{ claimantId: 'a', percent: 34 }, { claimantId: 'b', percent: 33 }, { claimantId: 'c', percent: 33 }])).toBeNull();
  });

  it('refuses shares that do not add up, fractions, zero, and a claimant named twice, naming the field', () => {
    expect(checkShares([{ claimantId: 'a', percent: 50 }, { claimantId: 'b', percent: 40 }])).toEqual({ field: 'shares', message: '各认领方份额合计须为 100%，现为 90%' });
    expect(checkShares([{ claimantId: 'a', percent: 60 }, { claimantId: 'b', percent: 50 }])?.message).toContain('110%');
    expect(checkShares([{ claimantId: 'a', percent: 50.5 }, { claimantId: 'b', percent: 49.5 }])).toEqual({ field: 'shares.0.percent', message: '认领份额须为 1–100 的整数（百分比）' });
    expect(checkShares([{ claimantId: 'a', percent: 100 }, { claimantId: 'b', percent: 0 }])?.field).toBe('shares.1.percent');
    expect(checkShares([{ claimantId: 'a', percent: 50 }, { claimantId: 'a', percent: 50 }])).toEqual({ field: 'shares.1.claimantId', message: '同一认领方只能出现一次' });
    expect(checkShares([])?.field).toBe('shares');
  });

  it('splits the value in 分 so the parts add up to it exactly', () => {
    expect(splitValue(100_00, [50, 50])).toEqual([50_00, 50_00]);
    const parts = splitValue(1001, [34, 33, 33]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1001);
    expect(parts).toEqual([341, 330, 330]);
    for (const v of [1, 7, 99_99, 12_345_67]) expect(splitValue(v, [33, 33, 34]).reduce((a, b) => a + b, 0)).toBe(v);
  });
});

describe('value in yuan', () => {
  const value = wishesCalls['wishes.create'].input.shape.value;
  it('reads numbers and text as 分, without float error', () => {
    expect(parseYuan('199.5')).toBe(19950);
    expect(parseYuan('¥1,200')).toBe(120000);
    expect(parseYuan('0.1')).toBe(10);
    expect(value.parse(0.29)).toBe(29);
    expect(value.parse('500')).toBe(50000);
    expect(formatYuan(19950)).toBe('199.50');
  });

  it('refuses what is not a number, negative, three decimals or too large, in Chinese', () => {
    const msg = (v: unknown) => {
      const r = value.safeParse(v);
      return r.success ? null : r.error.issues[0]!.message;
    };
    expect(msg('abc')).toBe('预估价值须为数字（元），最多两位小数');
    expect(msg('-5')).toBe('预估价值不能为负数');
    expect(msg(-5)).toBe('预估价值不能为负数');
    expect(msg(Number.NaN)).toMatch(/预估价值/);
    expect(msg('1.005')).toBe('预估价值须为数字（元），最多两位小数');
    expect(msg('')).toBe('请填写预估价值');
    expect(msg(200_000)).toBe('预估价值不能超过 100000 元');
    expect(msg(null)).toMatch(/预估价值/);
  });
});

describe('names, numbers, credit codes', () => {
  it('numbers wishes like receipts, with a W', () => {
    expect(formatWishNo('130102001', '2026-11-27', 7)).toBe('130102001-20261127-W0007');
  });

  it('checks the 统一社会信用代码 by GB 32100 and warns in Chinese', () => {
    expect(creditCodeWarning('91350100M000100Y43')).toBeNull();
    expect(creditCodeWarning('91350100m000100y43')).toBeNull();
    expect(creditCodeWarning('91350100M000100Y44')).toBe('统一社会信用代码校验位不符（按 GB 32100 第 18 位应为 3），请核对');
    expect(creditCodeWarning('91350100M000100Y4')).toContain('应为 18 位');
    expect(creditCodeWarning('91350100M000100YO3')).toContain('不使用 I、O、S、V、Z');
  });
});
