/**
 * The household's figures the station shows (it does not decide eligibility):
 * per-capita monthly income against the local 低保 standard, with the arithmetic as lines
 * the UI prints, and warnings where assets exceed the county's limits.
 *
 * How each member counts (documented in RELIEF-CONTRACT.md):
 * - every 共同生活家庭成员 counts in the household size, with or without income;
 * - a member with no income counts with 0 (named in `noIncome`);
 * - an irregular income is entered as the total received over the last `months` months and
 *   counted as its monthly average (rounded to the fen);
 * - a member away for work (外出务工) still belongs to the household and their declared
 *   income counts in full (named in `awayForWork`);
 * - what obliged supporters actually pay each month (赡养费 etc.) is a 转移净收入 of the
 *   household and counts; their own means are shown, not added.
 * Pure: amounts in fen, integers only.
 */
import { ASSET_KIND_LABELS, INCOME_KIND_LABELS, formatYuan, type AssetKind, type IncomeKind } from './relief';

export interface MeansMember {
  residentId: string;
  name: string;
  employment: string;
  incomes: readonly { kind: IncomeKind; amountFen: number; months: number }[];
}

export interface Standard {
  fen: number;
  effectiveFrom: string;
  source: string;
}

export interface MeansLine {
  residentId: string;
  name: string;
  kind: IncomeKind;
  amountFen: number;
  months: number;
  monthlyFen: number;
  text: string;
}

export interface MeansResult {
  householdSize: number;
  noIncome: string[];
  awayForWork: string[];
  lines: MeansLine[];
  totalMonthlyFen: number;
  perCapitaFen: number;
  standard: Standard | null;
  gapFen: number | null;
  belowStandard: boolean | null;
  steps: string[];
}

/** The standard in force on `day`: the latest whose effective date is on or before it. */
export function standardOn(standards: readonly Standard[], day: string): Standard | null {
  let best: Standard | null = null;
  for (const s of standards) if (s.effectiveFrom <= day && (!best || s.effectiveFrom >= best.effectiveFrom)) best = s;
  return best;
}

export function computeMeans(members: readonly MeansMember[], supportFen: readonly { name: string; monthlyFen: number }[], standard: Standard | null): MeansResult {
  const lines: MeansLine[] = [];
  const noIncome: string[] = [];
  const awayForWork: string[] = [];
  for (const m of members) {
    if (m.employment === 'migrant') awayForWork.push(m.name);
    const real = m.incomes.filter((i) => i.amountFen > 0);
    if (real.length === 0) noIncome.push(m.name);
    for (const i of real) {
      const months = Math.max(1, Math.trunc(i.months));
      const monthlyFen = Math.round(i.amountFen / months);
      const text =
        months === 1
          ? `${m.name} ${INCOME_KIND_LABELS[i.kind]} ${formatYuan(monthlyFen)} 元/月`
          : `${m.name} ${INCOME_KIND_LABELS[i.kind]} ${formatYuan(i.amountFen)} 元 ÷ ${months} 个月 = ${formatYuan(monthlyFen)} 元/月`;
      lines.push({ residentId: m.residentId, name: m.name, kind: i.kind, amountFen: i.amountFen, months, monthlyFen, text });
    }
  }
  for (const s of supportFen) {
    if (s.monthlyFen <= 0) continue;
    lines.push({ residentId: '', name: s.name, kind: 'transfer', amountFen: s.monthlyFen, months: 1, monthlyFen: s.monthlyFen, text: `义务人${s.name}给付 ${formatYuan(s.monthlyFen)} 元/月（计入转移净收入）` });
  }
  const householdSize = members.length;
  const totalMonthlyFen = lines.reduce((a, l) => a + l.monthlyFen, 0);
  const perCapitaFen = householdSize > 0 ? Math.round(totalMonthlyFen / householdSize) : 0;
  const steps = lines.map((l) => l.text);
  if (noIncome.length > 0) steps.push(`${noIncome.join('、')} 无收入，计入家庭人口，收入按 0 元计`);
  if (awayForWork.length > 0) steps.push(`${awayForWork.join('、')} 外出务工，仍为共同生活家庭成员，收入全额计入`);
  steps.push(`家庭月收入合计 ${formatYuan(totalMonthlyFen)} 元`);
  steps.push(`人均月收入 = ${formatYuan(totalMonthlyFen)} 元 ÷ ${householdSize} 人 = ${formatYuan(perCapitaFen)} 元`);
  let gapFen: number | null = null;
  let belowStandard: boolean | null = null;
  if (standard) {
    gapFen = perCapitaFen - standard.fen;
    belowStandard = perCapitaFen < standard.fen;
    steps.push(
      `当地低保标准 ${formatYuan(standard.fen)} 元/人·月（${standard.effectiveFrom} 起执行）：人均月收入${belowStandard ? `低于标准 ${formatYuan(-gapFen)} 元` : gapFen === 0 ? '等于标准' : `高于标准 ${formatYuan(gapFen)} 元`}`,
    );
  } else {
    steps.push('尚未设置当地低保标准，无法比较');
  }
  return { householdSize, noIncome, awayForWork, lines, totalMonthlyFen, perCapitaFen, standard, gapFen, belowStandard, steps };
}

export interface AssetLimits {
  maxHousing: number;
  maxVehicles: number;
  financialMonths: number;
  businessAllowed: boolean;
}

export type AssetRule = 'housing' | 'vehicle' | 'financial' | 'business';

/** Where the household's assets exceed the limits; the station shows these, it does not refuse. */
export function assetWarnings(assets: readonly { kind: AssetKind; valueFen: number; count: number }[], householdSize: number, standardFen: number | null, limits: AssetLimits): { rule: AssetRule; message: string }[] {
  const out: { rule: AssetRule; message: string }[] = [];
  const count = (k: AssetKind) => assets.filter((a) => a.kind === k).reduce((n, a) => n + a.count, 0);
  const houses = count('housing');
  if (houses > limits.maxHousing) out.push({ rule: 'housing', message: `家庭拥有${ASSET_KIND_LABELS.housing} ${houses} 套，超过 ${limits.maxHousing} 套的限额` });
  const vehicles = count('vehicle');
  if (vehicles > limits.maxVehicles) out.push({ rule: 'vehicle', message: `家庭拥有${ASSET_KIND_LABELS.vehicle} ${vehicles} 辆，超过 ${limits.maxVehicles} 辆的限额` });
  const financialFen = assets.filter((a) => a.kind === 'deposit' || a.kind === 'securities').reduce((n, a) => n + a.valueFen, 0);
  if (standardFen !== null && householdSize > 0) {
    const perHead = Math.round(financialFen / householdSize);
    const limitFen = standardFen * limits.financialMonths;
    if (perHead > limitFen) out.push({ rule: 'financial', message: `人均存款及有价证券 ${formatYuan(perHead)} 元，超过当地低保标准 ${limits.financialMonths} 个月之和（${formatYuan(limitFen)} 元）` });
  }
  if (!limits.businessAllowed && count('business') > 0) out.push({ rule: 'business', message: '家庭成员登记有经营实体或营业执照，请核实经营收入' });
  return out;
}
