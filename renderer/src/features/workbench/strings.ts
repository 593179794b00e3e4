export const TITLE = '工作台';
export const SUBTITLE = '今天的工作从这里开始';
export const SUMMARY = '常用入口与操作提示';
export const AREAS_HEADING = '业务功能';
export const KEYS_HEADING = '键盘操作';
export const KEYS = [
  { keys: 'Alt+1…8', text: '切换功能区' },
  { keys: 'Enter', text: '跳到下一项 / 提交' },
  { keys: 'Esc', text: '关闭对话框' },
  { keys: 'Tab', text: '在按钮和字段间移动' },
] as const;
export const TODAY_PREFIX = '今天是 ';
export const ROLE_PREFIX = '当前身份：';

// 代办 counts (intake.counts), each a way into the work list at that view
export const COUNTS_HEADING = '代办事项';
export const COUNTS_UNIT = '件';
export const COUNTS = [
  { key: 'today', label: '今日受理', note: '今天受理的代办事项' },
  { key: 'mine', label: '我的在办', note: '我受理、尚未办结的事项' },
  { key: 'overdue', label: '已超期', note: '已过承诺办结日期' },
  { key: 'dueSoon', label: '即将到期', note: '1 个工作日内到期' },
] as const;
export const COUNTS_OPEN = '查看';
export const COUNTS_FAILED = '代办数量暂时无法读取';
export const COUNTS_RETRY = '重试';
export const COUNTS_ATTENTION = '需尽快处理';

// the county's latest decisions on forwarded items (sync.decisions)
export const COUNTY_HEADING = '县级办理动态';
export const COUNTY_EMPTY = '暂无县级部门的办理结果';
export const COUNTY_FAILED = '县级办理动态暂时无法读取';
export const COUNTY_DECISION_LABELS = { accepted: '县级已受理', completed: '县级已办结', returned: '县级已退回' } as const;
export const COUNTY_DETAIL = (d: { decision: 'accepted' | 'completed' | 'returned'; department: string | null; result: string | null; reason: string | null }) =>
  d.decision === 'accepted' ? `承办部门：${d.department ?? '未写明'}` : d.decision === 'completed' ? (d.result ?? '') : (d.reason ?? '');
