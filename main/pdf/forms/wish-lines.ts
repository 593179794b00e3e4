/** What the 微心愿 papers share: how a value, a claimant and the wish itself read on paper. */
import type { WishClaimantLine, WishLine } from '../types';
import type { Field } from '../layout';

/** 120 → "约 120 元"; a value with fen keeps two decimals. */
export function yuanCn(value: number): string {
  const v = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return `约 ${v} 元`;
}

export function claimantText(c: WishClaimantLine): string {
  const share = c.share.trim() === '' ? '' : `，认领份额：${c.share}`;
  return `${c.name}（${c.kind}${share}）`;
}

/** The wish's own fields: number, what, for whom (masked), category and value. */
export function wishFields(w: WishLine): Field[] {
  return [
    { label: '心愿名称', value: w.title, wide: true, strong: true },
    { label: '心愿类别', value: w.category },
    { label: '预估价值', value: yuanCn(w.value) },
    { label: '受助居民', value: w.beneficiaryMasked, strong: true },
    { label: '心愿编号', value: w.wishNo },
  ];
}
