/** The workbench's 社会救助 words. */
export const HEADING = '社会救助';
export const UNIT = '件';
export const ATTENTION = '需尽快处理';
export const FAILED = '社会救助数量暂时无法读取';
export const CARDS = [
  { key: 'open', view: 'open', label: '救助在办', note: '尚未办结的救助申请' },
  { key: 'overdue', view: 'overdue', label: '救助超期', note: '有步骤已过期限' },
  { key: 'dueSoon', view: 'dueSoon', label: '救助即将到期', note: '2 个工作日内到期' },
  { key: 'refusalNoticesDue', view: 'open', label: '不予批准待告知', note: '须 3 个工作日内书面告知' },
  { key: 'tasksDue', view: 'open', label: '先行救助待补办', note: '先行救助后需补办的手续' },
] as const;
export const HEAD_HEADING = '站长清单';
export const HEAD_ALL = '查看全部';
export const WHY_CLOSE = '近亲属备案';
export const WHY_OVERDUE = '已超期';
