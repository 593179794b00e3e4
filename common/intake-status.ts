/**
 * The 代办 status machine. main refuses any transition not listed here; the renderer
 * uses the same table only to decide which buttons to show.
 */
export const INTAKE_STATUSES = ['accepted', 'processing', 'forwarded', 'completed', 'collected', 'delivered', 'returned', 'cancelled'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

export const INTAKE_STATUS_LABELS: Record<IntakeStatus, string> = {
  accepted: '已受理',
  processing: '办理中',
  forwarded: '已转报',
  completed: '已办结',
  collected: '已领取',
  delivered: '已送达',
  returned: '退回',
  cancelled: '撤销',
};

/** The action a clerk takes to reach a status. */
export const INTAKE_ACTION_LABELS: Record<IntakeStatus, string> = {
  accepted: '受理',
  processing: '开始办理',
  forwarded: '转报县级部门',
  completed: '办结',
  collected: '群众领取',
  delivered: '送达',
  returned: '退回',
  cancelled: '撤销',
};

const TRANSITIONS: Record<IntakeStatus, readonly IntakeStatus[]> = {
  accepted: ['processing', 'forwarded', 'completed', 'returned', 'cancelled'],
  processing: ['forwarded', 'completed', 'returned', 'cancelled'],
  forwarded: ['completed', 'returned', 'cancelled'],
  completed: ['collected', 'delivered'],
  collected: [],
  delivered: [],
  returned: [],
  cancelled: [],
};

/** Still being worked on: counts towards overdue and due-soon. */
export const OPEN_STATUSES: readonly IntakeStatus[] = ['accepted', 'processing', 'forwarded'];

export function allowedNext(from: IntakeStatus, opts: { forwarded: boolean }): IntakeStatus[] {
  return TRANSITIONS[from].filter((to) => {
    // Only items the catalogue forwards to the county can wait on the county …
    if (to === 'forwarded') return opts.forwarded;
    // … and those the county decides are 办结 only once they have been forwarded.
    if (to === 'completed' && opts.forwarded) return from === 'forwarded';
    return true;
  });
}

export function canTransition(from: IntakeStatus, to: IntakeStatus, opts: { forwarded: boolean }): boolean {
  return allowedNext(from, opts).includes(to);
}

/** What the clerk must give for a transition. */
export function requiredFor(to: IntakeStatus): 'reason' | 'result' | 'receiver' | null {
  if (to === 'returned' || to === 'cancelled') return 'reason';
  if (to === 'completed') return 'result';
  if (to === 'collected' || to === 'delivered') return 'receiver';
  return null;
}

/** How an item reached the county department (转报 channel). */
export const FORWARD_CHANNELS = ['system', 'paper', 'mail', 'other'] as const;
export type ForwardChannel = (typeof FORWARD_CHANNELS)[number];
export const FORWARD_CHANNEL_LABELS: Record<ForwardChannel, string> = {
  system: '系统报送',
  paper: '纸质送达',
  mail: '邮寄',
  other: '其他',
};

/** The proxy's relation to the applicant when someone else collects the result (代领). */
export const PROXY_RELATIONS = ['配偶', '子女', '父母', '兄弟姐妹', '孙子女', '其他亲属', '邻居或朋友', '村（居）委会工作人员', '其他'] as const;
export type ProxyRelation = (typeof PROXY_RELATIONS)[number];
