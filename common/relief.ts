/**
 * 社会救助 (relief) vocabulary shared by main, the renderer and the county: the four kinds of
 * application, the case's steps, household members' relations and incomes, assets, and the
 * materials each kind needs. Pure: no node:, no DOM.
 */

export const RELIEF_TYPES = ['dibao', 'tekun', 'linshi', 'yiliao'] as const;
export type ReliefType = (typeof RELIEF_TYPES)[number];
export const RELIEF_TYPE_LABELS: Record<ReliefType, string> = {
  dibao: '最低生活保障',
  tekun: '特困人员供养',
  linshi: '临时救助',
  yiliao: '医疗救助',
};

/**
 * The case's status. incomplete: registered, materials missing (a 补正通知 lists them), not yet
 * 受理 — the 30 working days start at 受理. accepted: 已受理, awaiting 入户调查 (also after an
 * objection during 公示 reopened the investigation).
 */
export const RELIEF_STATUSES = ['incomplete', 'accepted', 'investigated', 'reviewed', 'opinion', 'publicizing', 'forwarded', 'approved', 'refused', 'notified', 'withdrawn'] as const;
export type ReliefStatus = (typeof RELIEF_STATUSES)[number];
export const RELIEF_STATUS_LABELS: Record<ReliefStatus, string> = {
  incomplete: '材料待补正',
  accepted: '已受理，待入户调查',
  investigated: '已入户调查',
  reviewed: '已民主评议',
  opinion: '已提出初审意见',
  publicizing: '公示中',
  forwarded: '已报县审批',
  approved: '县级已批准',
  refused: '县级不予批准',
  notified: '已书面告知不予批准',
  withdrawn: '申请人已撤回',
};
/** no step follows: the case is closed */
export const RELIEF_CLOSED: readonly ReliefStatus[] = ['approved', 'notified', 'withdrawn'];

/** Whether the household may still be changed (relief.updateHousehold): not once 报县审批 or closed. */
export function householdEditable(status: ReliefStatus): boolean {
  return !RELIEF_CLOSED.includes(status) && status !== 'forwarded' && status !== 'refused';
}

/** The steps a clerk (or the head) takes; the county's decision arrives through sync, not as a step. */
export const RELIEF_STEPS = ['accept', 'investigate', 'review', 'opinion', 'publicize', 'objection', 'forward', 'notifyRefusal', 'withdraw', 'extend'] as const;
export type ReliefStep = (typeof RELIEF_STEPS)[number];
export const RELIEF_STEP_LABELS: Record<ReliefStep, string> = {
  accept: '受理',
  investigate: '入户调查',
  review: '民主评议',
  opinion: '初审意见',
  publicize: '公示',
  objection: '公示异议',
  forward: '报县审批',
  notifyRefusal: '送达不予批准通知',
  withdraw: '撤回申请',
  extend: '延长办理期限',
};

export const MEMBER_RELATIONS = ['applicant', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'childInLaw', 'other'] as const;
export type MemberRelation = (typeof MEMBER_RELATIONS)[number];
export const MEMBER_RELATION_LABELS: Record<MemberRelation, string> = {
  applicant: '申请人本人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女/外孙子女',
  grandparent: '祖父母/外祖父母',
  sibling: '兄弟姐妹',
  childInLaw: '儿媳/女婿',
  other: '其他共同生活人员',
};

export const EMPLOYMENTS = ['employed', 'flexible', 'farming', 'migrant', 'unemployed', 'retired', 'student', 'unable', 'preschool', 'other'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];
export const EMPLOYMENT_LABELS: Record<Employment, string> = {
  employed: '在职',
  flexible: '灵活就业',
  farming: '务农',
  migrant: '外出务工',
  unemployed: '失业/无业',
  retired: '退休',
  student: '在校学生',
  unable: '无劳动能力',
  preschool: '学龄前',
  other: '其他',
};

/** Income kinds as the 收入申报 form groups them. */
export const INCOME_KINDS = ['wage', 'business', 'property', 'transfer', 'pension', 'other'] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];
export const INCOME_KIND_LABELS: Record<IncomeKind, string> = {
  wage: '工资性收入',
  business: '经营净收入',
  property: '财产净收入',
  transfer: '转移净收入',
  pension: '养老金/退休金',
  other: '其他收入',
};

export const ASSET_KINDS = ['housing', 'vehicle', 'deposit', 'securities', 'business', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const ASSET_KIND_LABELS: Record<AssetKind, string> = {
  housing: '房产',
  vehicle: '机动车辆',
  deposit: '存款（含现金）',
  securities: '有价证券',
  business: '经营实体/营业执照',
  other: '其他财产',
};

export const SUPPORTER_RELATIONS = ['shanyang', 'fuyang', 'fuyangSpouse'] as const;
export type SupporterRelation = (typeof SUPPORTER_RELATIONS)[number];
export const SUPPORTER_RELATION_LABELS: Record<SupporterRelation, string> = {
  shanyang: '赡养义务人',
  fuyang: '抚养义务人',
  fuyangSpouse: '扶养义务人',
};

/** Whose relative the applicant or member is (近亲属备案). */
export const CLOSE_RELATIVE_OF = ['stationStaff', 'villageCommittee'] as const;
export type CloseRelativeOf = (typeof CLOSE_RELATIVE_OF)[number];
export const CLOSE_RELATIVE_OF_LABELS: Record<CloseRelativeOf, string> = {
  stationStaff: '站点工作人员',
  villageCommittee: '村（居）委会成员',
};

export const OBJECTION_OUTCOMES = ['reinvestigate'] as const;

/** Materials every application needs, then each kind's own. */
export const COMMON_MATERIALS = ['申请书', '申请人及家庭成员身份证', '户口簿', '收入申报与诚信承诺书', '家庭经济状况核对授权书（每位成年成员签字）'] as const;
export const TYPE_MATERIALS: Record<ReliefType, readonly string[]> = {
  dibao: ['家庭财产申报表'],
  tekun: ['无劳动能力、残疾或年满60周岁的证明', '无法定义务人或义务人无履行能力的证明'],
  linshi: ['困难情况说明（事故、疾病、灾害等证明）'],
  yiliao: ['医疗费用票据', '诊断证明或出院小结', '医保结算单'],
};

/** The checklist of a kind, in the order the 补正通知 prints it. */
export function materialsFor(type: ReliefType): string[] {
  return [...COMMON_MATERIALS, ...TYPE_MATERIALS[type]];
}

/** What is still missing; received items outside the checklist are the caller's error. */
export function missingMaterials(type: ReliefType, received: readonly string[]): string[] {
  return materialsFor(type).filter((m) => !received.includes(m));
}

/** yuan (as typed, 2 decimals at most) ↔ fen (stored, integers: no float drift in sums) */
export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}
export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100;
}
export function formatYuan(fen: number): string {
  return (Math.round(fen) / 100).toFixed(2);
}
