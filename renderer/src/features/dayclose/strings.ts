import { DAY_CLOSE_STATUS_LABELS, type DayCloseStatus } from '../../../../common/contracts/dayclose';

export const TITLE = '日结';
export const SUBTITLE = '当日业务核对与日结报表';
export const SUMMARY = '核对当日业务，打印日结报表';

export const TODAY = (day: string) => `今天：${day}`;
export const REFRESH = '刷新';
export const CLOSE_BUTTON = '日结';
export const CLOSED_BUTTON = '今日已日结';
export const LOAD_FAILED = '日结信息读取失败';

export const TOTALS_TITLE = '当日业务';
export const PER_CLERK_TITLE = '按工作人员';
export const CLERK = '工作人员';
export const TOTAL_ROW = '合计';
export const NO_BUSINESS = '今天还没有业务记录';
export const RECEIPTS_RANGE = '受理回执编号';
export const RECEIPTS_NONE = '今天未出具受理回执';
export const RANGE_TO = ' 至 ';
export const OVERDUE_HINT = '逾期：此刻仍未办结且已过承诺时限的事项';

export const LATE_TITLE = (n: number) => `上次日结后的变更（${n} 条，将列入本次日结报表）`;
export const LATE_MORE = (shown: number, total: number) => `仅列出最近 ${shown} 条，共 ${total} 条`;
export const LATE_AT = '时间';
export const LATE_ACTION = '操作';
export const LATE_RECORD = '记录';
export const LATE_ACTOR = '经办人';

export const CONFIRM_TITLE = (day: string) => `确认日结 ${day}？`;
export const CONFIRM_TEXT = '日结将先与县级平台同步，再提交当日汇总并生成日结报表。每天只能日结一次；日结后的变更将列入下一次日结报表。';
export const CONFIRM_TEXT_LOCAL = '日结将冻结当日数字并生成日结报表。每天只能日结一次；日结后的变更将列入下一次日结报表。';
export const CONFIRM_OK = '确认日结（Enter）';
export const CONFIRM_CANCEL = '取消（Esc）';
export const CONFIRM_UNENROLLED = '本站尚未登记县级平台：日结将只在本机完成，状态为“待确认”。';
export const WORKING = '正在同步并提交县级平台，请稍候…';
export const WORKING_LOCAL = '正在日结并生成日结报表…';

export const STATUS = (s: DayCloseStatus) => DAY_CLOSE_STATUS_LABELS[s];
export const CLOSED_LINE = (time: string, who: string) => `今日已于 ${time} 日结（日结人：${who}）`;
export const COUNTY_CONFIRMED = (at: string) => `县级平台已于 ${at} 确认`;
export const COUNTY_PENDING = (why: string | null) => `县级确认：待确认${why ? `（${why}）` : ''}。恢复连接后将自动提交，无需再次日结。`;
export const COUNTY_MISMATCH = (why: string | null) => `县级核对不一致：${why ?? '请联系县级平台'}`;
export const AFTER_CLOSE = (n: number) => `日结后又有 ${n} 项变更，已记录，将列入下一次日结报表。`;
export const SYNC_FAILED = (why: string) => `同步未完成：${why}`;
export const DOCUMENT_FAILED = (why: string) => `日结已完成，但日结报表未能生成：${why}`;
export const VIEW_REPORT = '查看日结报表';
export const REPRINT = '补打日结报表';
export const REPRINT_SHORT = '补打报表';
export const REPRINTED = (n: number) => `已生成补打件（第 ${n} 次）`;

export const HISTORY_TITLE = '历次日结';
export const HISTORY_DAY = '日期';
export const HISTORY_BY = '日结人';
export const HISTORY_AT = '日结时间';
export const HISTORY_STATUS = '县级确认';
export const HISTORY_RANGE = '上报记录';
export const HISTORY_REPRINTS = '补打次数';
export const HISTORY_ACTIONS = '操作';
export const HISTORY_EMPTY = '还没有日结记录';
export const VIEW = '查看';
export const RANGE = (from: number, through: number) => (through >= from ? `第 ${from}–${through} 条` : '无新记录');
