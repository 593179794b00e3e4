/** Words of the 代办 area (DESIGN.md §8: one strings module per feature). */
import type { IntakeStatus } from '../../../../common/intake-status';
import type { IntakeListView } from './nav';

export const TITLE = '代办';
export const SUBTITLE = '审核转报、代办服务：受理、出具回执、跟踪办结';
export const SUMMARY = '按服务清单受理代办，打印受理回执';

export const TAB_NEW = '受理';
export const TAB_LIST = '工作清单';
export const TAB_CATALOGUE = '服务清单';

export const RETRY = '重试';
export const REFRESH = '刷新';
export const CANCEL = '取消';
export const NONE = '—';

// ---- 受理 -------------------------------------------------------------------

export const STEP_RESIDENT = '办事群众';
export const STEP_RESIDENT_HINT = '输入姓名、拼音首字母、身份证号后 4 位或电话查找；没有登记的先登记';
export const STEP_ITEM = '办理事项';
export const STEP_ITEM_HINT = '输入事项名称、编码或拼音首字母（如 gljt 找“高龄津贴”）';
export const STEP_MATERIALS = '收取材料';
export const STEP_MATERIALS_HINT = '空格 勾选 · ↑↓ 移动 · 数字键 勾选第几项 · Ctrl+A 全部收齐 · Enter 填写备注';
export const STEP_WAITING_RESIDENT = '先确定办事群众';
export const STEP_WAITING_ITEM = '选定事项后列出所需材料';
export const CHANGE = '更换';
export const AGE = (n: number) => `${n} 岁`;

export const ALL_RECEIVED = '全部收齐';
export const CLEAR_RECEIVED = '全部取消';
export const RECEIVED_COUNT = (got: number, all: number) => `已收 ${got} / ${all} 项`;
export const MATERIALS_LABEL = '所需材料清单';

export const NOTE = '备注';
export const NOTE_PH = '选填：需要告诉群众或同事的情况，如“原件已核对，留存复印件”';

export const SUMMARY_TITLE = '受理信息';
export const PROMISED = '承诺办结';
export const PROMISED_LOADING = '正在计算…';
export const PROMISED_WAITING = '选定事项后计算';
export const PROMISED_AT = (time: string) => `${time} 前`;
export const TIME_LIMIT = '承诺时限';
export const DEPARTMENT = '责任部门';
export const CATEGORY = '事项类别';
export const FORWARDED = '审核转报';
export const FORWARDED_YES = '转报县级部门审批';
export const FORWARDED_NO = '本站办理';
export const MISSING = '尚缺材料';
export const MISSING_NONE = '材料齐全';
export const MISSING_WAIT = '—';

export const NOTICE = '出具一次性告知书';
export const NOTICE_SUB = '补正通知';
export const ACCEPT = '受理并出具回执';
export const ACCEPT_KEY = 'Ctrl+Enter';
export const ACTION_HINT_MISSING = (n: number) => `还缺 ${n} 项材料：可一次性告知群众全部所缺材料，补齐后再受理。`;
export const ACTION_HINT_READY = '材料已齐全，可以受理。';
export const ACTION_HINT_WAIT = '确定群众和事项、勾选材料后出具回执或告知书。';
export const START_OVER = '清空重填';
export const START_OVER_CONFIRM = '清空本次填写的内容？';
export const START_OVER_OK = '清空';

export const DONE_ACCEPTED = '已受理';
export const DONE_NOTICE = '已出具一次性告知书';
export const DONE_RECEIPT_NO = '回执编号';
export const DONE_NOTICE_NO = '告知书编号';
export const DONE_MISSING = '需补正材料';
export const DONE_VIEW_RECEIPT = '查看 / 打印回执';
export const DONE_VIEW_NOTICE = '查看 / 打印告知书';
export const DONE_NEXT = '新的受理';
export const DONE_NEXT_KEY = 'Esc';
export const DONE_CONTINUE = '材料已补齐，继续受理';
export const DONE_SAVED_NO_DOC = '记录已保存，但单据未能生成';
export const DONE_HINT = '回执已生成，可在预览中打印。按 Esc 开始下一位群众的受理。';
export const DONE_NOTICE_HINT = '请将告知书交给群众，材料补齐后再来办理。按 Esc 开始下一位群众的受理。';

// ---- 工作清单 -----------------------------------------------------------------

export const VIEW_LABELS: Record<IntakeListView, string> = {
  today: '今日受理',
  mine: '我的在办',
  overdue: '已超期',
  dueSoon: '1 个工作日内到期',
  open: '全部在办',
  all: '全部',
};
export const FILTER_STATUS = '状态';
export const FILTER_STATUS_ALL = '全部状态';
export const FILTER_ITEM = '办理事项';
export const FILTER_ITEM_ALL = '全部事项';
export const FILTER_TEXT_PH = '回执编号或姓名';
export const LIST_COUNT = (n: number) => `共 ${n} 件`;
export const LIST_LIMITED = (n: number) => `仅显示最近 ${n} 件，请用筛选缩小范围`;
export const LIST_EMPTY: Record<IntakeListView, string> = {
  today: '今天还没有受理代办事项',
  mine: '您名下没有在办事项',
  overdue: '没有超期事项',
  dueSoon: '没有即将到期的事项',
  open: '没有在办事项',
  all: '还没有代办记录',
};
export const LIST_EMPTY_FILTERED = '没有符合筛选条件的事项';
export const LIST_LOAD_FAILED = '工作清单加载失败';

export const COL_RECEIPT = '回执编号';
export const COL_RESIDENT = '办事群众';
export const COL_ITEM = '办理事项';
export const COL_STATUS = '状态';
export const COL_ACCEPTED_AT = '受理时间';
export const COL_PROMISED = '承诺办结';
export const COL_CLERK = '受理人';

export const URGENCY_OVERDUE = '已超期';
export const URGENCY_DUE_SOON = '即将到期';

// ---- 详情 -------------------------------------------------------------------

export const DETAIL_TITLE = '代办事项';
export const DETAIL_LOAD_FAILED = '事项详情加载失败';
export const DETAIL_RESIDENT = '办事群众';
export const DETAIL_ITEM = '办理事项';
export const DETAIL_PROMISED = '承诺办结';
export const DETAIL_NOTE = '备注';
export const DETAIL_COMPLETED_AT = '办结时间';
export const DETAIL_RESULT = '办理结果';
export const DETAIL_HANDOVER = '领取 / 送达';
export const DETAIL_HANDOVER_TEXT = (kind: 'collected' | 'delivered', who: string, at: string) => `${who} ${kind === 'collected' ? '领取' : '签收'}于 ${at}`;
export const DETAIL_CLOSED_REASON = '退回 / 撤销原因';
export const DETAIL_MATERIALS = '材料';
export const DETAIL_MATERIAL_GOT = '已收';
export const DETAIL_MATERIAL_MISSING = '未收';
export const DETAIL_TIMELINE = '办理经过';
export const DETAIL_DOCUMENTS = '单据';
export const DETAIL_DOCUMENTS_NONE = '暂无单据';
export const DETAIL_DOCUMENT_VIEW = '查看 / 打印';
export const DETAIL_DOCUMENT_PRINTED = (n: number) => (n > 0 ? `已打印 ${n} 次` : '未打印');
export const DETAIL_ACTIONS_NONE = '该事项已结束，没有可进行的操作。';
export const DETAIL_OVERDUE = (date: string) => `已超过承诺办结日期（${date}），请尽快办结或向群众说明情况。`;
export const DETAIL_DUE_SOON = (date: string) => `承诺 ${date} 办结，将在 1 个工作日内到期。`;
export const DETAIL_RELOADED = '已重新读取该事项的最新状态。';
export const EVENT_BY = (name: string) => `经办：${name}`;

export const TRANSITION_DONE: Record<IntakeStatus, string> = {
  accepted: '已受理',
  processing: '已开始办理',
  forwarded: '已转报县级部门',
  completed: '已办结',
  collected: '已登记群众领取',
  delivered: '已登记送达',
  returned: '已退回',
  cancelled: '已撤销',
};
export const ACTION_TITLE = (label: string, receiptNo: string) => `${label} · ${receiptNo}`;
export const ACTION_REASON: Record<'returned' | 'cancelled', string> = { returned: '退回原因', cancelled: '撤销原因' };
export const ACTION_REASON_PH: Record<'returned' | 'cancelled', string> = {
  returned: '如：县级部门审核不通过，申请人不符合条件',
  cancelled: '如：群众申请撤回，不再办理',
};
export const ACTION_RESULT = '办理结果';
export const ACTION_RESULT_PH = '如：已办结，证件已制作完成，请群众凭回执领取';
export const ACTION_RECEIVER: Record<'collected' | 'delivered', string> = { collected: '领取人姓名', delivered: '签收人姓名' };
export const ACTION_RECEIVER_HELP: Record<'collected' | 'delivered', string> = {
  collected: '本人领取直接确认；他人代领请勾选上方“他人代领”。',
  delivered: '送达时当面签收的人。',
};
export const ACTION_REQUIRED = (label: string) => `请填写${label}`;
export const ACTION_CTRL_ENTER = '按 Ctrl+Enter 确认';
export const ACTION_NOTE_COMPLETION = '确认后将生成办结 / 领取回执。';
export const ACTION_NOTE_RETURN = '退回和撤销后不能恢复，请与群众说明。';

export const REISSUE = '重新生成回执';

// ---- 当场办结 ------------------------------------------------------------------

export const SPOT_TITLE = '当场办结';
export const SPOT_HINT = '本事项可当场办结：受理与办结一步完成，只出具一张当场办结回执。';
export const SPOT_RESULT = '办理结果';
export const SPOT_RESULT_DEFAULT = (item: string) => `已当场办结${item}`;
export const SPOT_HANDED_OVER = '办理结果已当场交付申请人（记为已领取）';
export const SPOT_ACCEPT = '当场办结并出具回执';
export const SPOT_ACCEPT_LATER = '仅受理，稍后办结';
export const SPOT_RESULT_REQUIRED = '请填写办理结果';
export const DONE_ON_THE_SPOT = '已当场办结';
export const DONE_ON_THE_SPOT_HINT = '当场办结回执已生成，可在预览中打印。按 Esc 开始下一位群众的受理。';
export const DONE_HANDOVER = '交付';
export const DONE_HANDED_OVER = (who: string) => `已当场交付，${who}领取`;
export const DONE_TO_COLLECT = '办理结果待领取';

// ---- 办理条件 ------------------------------------------------------------------

export const ELIGIBILITY_TITLE = '办理条件提示';
export const ELIGIBILITY_OVERRIDE = '已核实，仍予受理（将记录在案）';
export const ELIGIBILITY_OVERRIDE_NEEDED = '请先核实办理条件，确需受理的勾选“已核实，仍予受理”。';
export const DETAIL_ELIGIBILITY = '条件提示';
export const DETAIL_ELIGIBILITY_OVERRIDDEN = '受理时提示以下条件不符，经办人核实后仍予受理：';

// ---- 一次性告知书 ----------------------------------------------------------------

export const NOTICE_BEFORE = '此前告知';
export const NOTICE_BEFORE_TEXT = (no: string, at: string) => `一次性告知书 ${no}（${at}），受理后将与之关联`;
export const DETAIL_NOTICE = '此前告知书';
export const NOTICE_HITS = (n: number) => `一次性告知书（${n} 份）`;
export const NOTICE_HIT_FOLLOWED = (no: string) => `已受理：${no}`;
export const NOTICE_HIT_OPEN = '尚未受理';
export const NOTICE_HIT_VIEW = '查看告知书';
export const NOTICE_HIT_MISSING = (n: number) => `缺 ${n} 项材料`;
export const NOTICE_NONE = (q: string) => `没有编号为 ${q} 的一次性告知书`;
export const FILTER_TEXT_PH_MORE = '回执编号、告知书编号（如 G0001）或姓名';

// ---- 转报 ----------------------------------------------------------------------

export const FORWARD = '转报';
export const FORWARD_SELECTED = (n: number) => `转报所选（${n} 件）`;
export const FORWARD_TITLE = (n: number) => `转报县级部门 · ${n} 件`;
export const FORWARD_DEPARTMENT = '接收部门';
export const FORWARD_CHANNEL = '报送方式';
export const FORWARD_CHANNEL_NOTE = '报送方式说明';
export const FORWARD_CHANNEL_NOTE_PH = '如：县民政局来站取件';
export const FORWARD_RECEIVER = '接收人';
export const FORWARD_RECEIVER_PH = '县级部门签收人姓名';
export const FORWARD_RECEIVED_AT = '接收时间';
export const FORWARD_NOTE = '备注';
export const FORWARD_NEXT = '下一步：核对';
export const FORWARD_BACK = '返回修改';
export const FORWARD_CONFIRM = '确认转报并出具转报单';
export const FORWARD_CONFIRM_TITLE = '请核对转报信息，确认后不能撤回';
export const FORWARD_ITEMS = '转报事项';
export const FORWARD_DONE = (no: string) => `已转报，转报单 ${no}`;
export const FORWARD_NONE_SELECTABLE = '所选事项中没有可转报的（须为转报县级、尚未转报的在办事项）';
export const FORWARD_REQUIRED = (label: string) => `请填写${label}`;
export const DETAIL_TRANSMITTAL = '转报';
export const DETAIL_TRANSMITTAL_TEXT = (dept: string, channel: string, receiver: string, at: string, no: string) => `${dept} · ${channel} · 接收人 ${receiver} · ${at} · 转报单 ${no}`;

// ---- 代领 ----------------------------------------------------------------------

export const PROXY_TOGGLE = '他人代领';
export const PROXY_NAME = '代领人姓名';
export const PROXY_ID = '代领人身份证号';
export const PROXY_RELATION = '与申请人关系';
export const PROXY_HELP = '代领须核对代领人身份证件及委托书；身份证号仅存档，屏幕和回执上只显示部分号码。';
export const DETAIL_PROXY = '代领人';
export const DETAIL_PROXY_TEXT = (name: string, idMasked: string, relation: string) => `${name}（${relation}）${idMasked}`;

// the county's decision on a forwarded item, as sync brought it back
export const DETAIL_COUNTY = '县级办理';
export const COUNTY_DECISION_TEXT = (d: { decision: 'accepted' | 'completed' | 'returned'; department: string | null; result: string | null; reason: string | null }) =>
  d.decision === 'accepted' ? `已受理，承办部门：${d.department ?? '未写明'}` : d.decision === 'completed' ? `已办结：${d.result ?? ''}` : `已退回：${d.reason ?? ''}`;
export const COUNTY_DECIDED_BY = (by: string, at: string) => `${by}（县级）· ${at}`;
