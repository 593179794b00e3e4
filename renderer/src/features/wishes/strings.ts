/** 微心愿: every word the area shows (one strings module per feature, DESIGN.md §8). */
import type { WishStatus } from '../../../../common/wish-status';

export const TITLE = '微心愿';
export const SUBTITLE = '心愿登记、认领与圆梦';
export const SUMMARY = '登记、发布居民心愿，记录认领与交接';
export const HEADING = '微心愿';
export const TEXT = '登记居民的微心愿并在心愿墙发布，记录个人或单位（一方或多方）认领，打印认领凭证和圆梦交接单，直至圆梦并留存凭证与回访。';
export const POINTS = [
  { title: '登记发布', text: '记录心愿内容和困难情况，审核后发布到心愿墙。' },
  { title: '认领交接', text: '记录认领人或认领单位，打印认领凭证和圆梦交接单。' },
  { title: '圆梦回访', text: '留存交接照片等凭证，登记回访情况后标记为已圆梦。' },
] as const;

export const TAB_NEW = '登记心愿';
export const TAB_LIST = '心愿清单';
export const TAB_WALL = '心愿墙';
export const TAB_CLAIMANTS = '认领方';
export const TAB_STATS = '统计';
export const TAB_SETTINGS = '设置';

// 登记
export const F_BENEFICIARY = '受助居民';
export const F_BENEFICIARY_PICK = '输入姓名、拼音首字母、身份证号或电话查找居民';
export const F_BENEFICIARY_NONE = '请先选择受助居民';
export const F_BENEFICIARY_CHANGE = '更换';
export const F_TITLE = '心愿标题';
export const F_TITLE_PH = '如：一台助行轮椅';
export const F_DESCRIPTION = '心愿描述';
export const F_DESCRIPTION_PH = '困难情况、具体需求（不上墙，仅工作人员可见）';
export const F_CATEGORY = '心愿类别';
export const F_VALUE = '预估价值（元）';
export const F_SOURCE = '心愿来源';
export const F_DEADLINE = '心愿截止日期';
export const F_PUBLISH_NOW = '登记后立即发布（价值超过上限的须站长审批）';
export const OVER_CAP = (cap: string) => `超过本站价值上限 ${cap} 元，登记后须站长审批才能发布`;
export const CREATE_OK = '登记心愿';
export const CREATED = (no: string) => `心愿 ${no} 已登记`;
export const CREATED_AWAITING = (no: string) => `心愿 ${no} 已登记，价值超过上限，待站长审批`;
export const CREATED_PUBLISHED = (no: string) => `心愿 ${no} 已登记并发布到心愿墙`;
export const SUBMIT_HINT = 'Enter 下一项 · Ctrl+Enter 提交';
export const DEADLINE_PAST = '心愿截止日期不能早于今天';

// 清单和详情
export const FILTER_STATUS = '状态';
export const FILTER_CATEGORY = '类别';
export const FILTER_TEXT = '心愿标题、编号或受助人姓名';
export const ALL = '全部';
export const COL_NO = '心愿编号';
export const COL_TITLE = '心愿';
export const COL_BENEFICIARY = '受助居民';
export const COL_CATEGORY = '类别';
export const COL_VALUE = '价值（元）';
export const COL_DEADLINE = '截止日期';
export const COL_STATUS = '状态';
export const EMPTY_LIST = '没有符合条件的心愿';
export const NEEDS_APPROVAL = '须站长审批';
export const DETAIL_TITLE = (no: string) => `心愿 ${no}`;
export const D_DESCRIPTION = '心愿描述';
export const D_SOURCE = '来源';
export const D_CREATED = '登记';
export const D_PUBLISHED = '发布';
export const D_REASON = '原因';
export const D_CLAIM = '认领';
export const D_PROMISED = '承诺交接日期';
export const D_FULFIL = '圆梦交接';
export const D_FOLLOW_UP = '回访';
export const D_STEPS = '办理经过';
export const D_PROOFS = '交接凭证';
export const D_TAGS = '重点服务对象';
export const SHARE = (percent: number, yuan: string) => `${percent}%（${yuan} 元）`;

export const ACT_PUBLISH = '发布';
export const ACT_APPROVE = '审批通过并发布';
export const ACT_REJECT = '不通过';
export const ACT_WITHDRAW = '撤回';
export const ACT_CLAIM = '登记认领';
export const ACT_UNCLAIM = '取消认领';
export const ACT_FULFIL = '圆梦交接';
export const ACT_FOLLOW_UP = '登记回访';
export const ACT_PRINT_CLAIM = '打印认领凭证';
export const ACT_PRINT_HANDOVER = '打印圆梦交接单';
export const DONE_PUBLISH = '已发布到心愿墙';
export const DONE_APPROVE = '已审批通过并发布';
export const DONE_REJECT = '已记为审核未通过';
export const DONE_WITHDRAW = '心愿已撤回';
export const DONE_CLAIM = '认领已登记';
export const DONE_UNCLAIM = '认领已取消，心愿回到心愿墙';
export const DONE_FULFIL = '圆梦交接已登记';
export const DONE_FOLLOW_UP = '回访已登记';

export const R_REJECT = '不通过原因';
export const R_WITHDRAW = '撤回原因';
export const R_UNCLAIM = '取消认领原因';
export const APPROVE_NOTE = '审批意见（可不填）';

export const C_TITLE = '登记认领';
export const C_CLAIMANT = '认领方';
export const C_CLAIMANT_PH = '输入名称查找认领方';
export const C_PERCENT = '份额（%）';
export const C_ADD = '增加共同认领方';
export const C_REMOVE = '移除';
export const C_TOTAL = (n: number) => `合计 ${n}%`;
export const C_TOTAL_BAD = (n: number) => `各认领方份额合计须为 100%，现为 ${n}%`;
export const C_DUPLICATE = '同一认领方只能出现一次';
export const C_PROMISED = '承诺交接日期';
export const C_NOTE = '备注';
export const C_NEW_CLAIMANT = '登记新认领方';

export const FF_TITLE = '圆梦交接';
export const FF_DATE = '交接日期';
export const FF_DELIVERED = '交付物品/服务';
export const FF_PROOF = '交接照片或扫描件';
export const FF_PROOF_PICK = '选择照片…';
export const FF_PROOF_HINT = 'JPG、PNG 或 WebP，不超过 5 MB';
export const FF_PROOF_UPLOADING = '正在上传…';
export const FF_PROOF_NONE = '请上传至少一张交接照片或扫描件';
export const FF_CONFIRMATION = '受助人确认';
export const FF_CONFIRMER = '代签人姓名';

export const FU_TITLE = '登记回访';
export const FU_DATE = '回访日期';
export const FU_SATISFACTION = '满意度';
export const FU_NOTE = '回访记录';

// 心愿墙
export const WALL_EMPTY = '心愿墙上暂无心愿';
export const WALL_CLAIM_STATE = { open: '待认领', claimed: '已认领', fulfilled: '已圆梦' } as const;
export const WALL_DAYS_LEFT = (n: number) => (n === 0 ? '今天截止' : `还剩 ${n} 天`);
export const WALL_CLAIMED_BY = (names: string[]) => `认领：${names.join('、')}`;
export const POSTER_A4 = '打印海报（A4）';
export const POSTER_A3 = '打印海报（A3）';

// 认领方
export const CL_NEW = '登记认领方';
export const CL_EDIT = '修改认领方';
export const CL_CATEGORY = '类别';
export const CL_NAME = '名称（个人姓名或单位全称）';
export const CL_CONTACT = '联系人（单位填写）';
export const CL_PHONE = '联系电话';
export const CL_CREDIT = '统一社会信用代码（单位，可不填）';
export const CL_NOTE = '备注';
export const CL_SAVED = '认领方已保存';
export const CL_SAVED_CHECK = '认领方已保存（统一社会信用代码请再核对）';
export const CL_HISTORY = '认领记录';
export const CL_CLAIMS = (n: number, f: number) => `认领 ${n} 次，已圆梦 ${f} 次`;
export const CL_NONE = '还没有认领方';
export const CL_SEARCH = '认领方名称或电话';
export const CL_INACTIVE = '已停用';

// 统计
export const ST_FROM = '起始月份';
export const ST_TO = '截止月份';
export const ST_MONTHS = '各月心愿';
export const ST_CATEGORY = '按类别';
export const ST_UNITS = '按认领单位';
export const ST_AVG_CLAIM = '发布到认领平均天数';
export const ST_AVG_FULFIL = '发布到圆梦平均天数';
export const ST_NONE = '—';
export const ST_SERIES = { recorded: '登记', published: '发布', claimed: '认领', fulfilled: '圆梦', expired: '过期' } as const;
export const ST_LOADING_CHART = '正在加载图表…';
export const ST_CHART_FAILED = '图表未能加载，下面的表格数字不受影响';
export const ST_COL_CATEGORY = '类别';
export const ST_COL_RECORDED = '登记';
export const ST_COL_FULFILLED = '圆梦';
export const ST_COL_VALUE = '价值（元）';
export const ST_COL_UNIT = '认领单位';
export const ST_COL_CLAIMS = '认领';

// 设置
export const SET_CAP = '心愿价值上限（元）';
export const SET_CAP_HINT = '登记的心愿预估价值超过此上限时，须站长审批后才能发布。';
export const SET_CAP_SAVE = '保存上限';
export const SET_CAP_SAVED = (y: string) => `价值上限已设为 ${y} 元`;
export const SET_CAP_READONLY = (y: string) => `本站心愿价值上限为 ${y} 元（由站长设置）。`;
export const LOBBY_TITLE = '大厅显示屏';
export const LOBBY_HINT = '为大厅的电视或第二块显示屏生成只读链接：它只能显示心愿墙的公开内容，不需要登录，也不能做其他任何操作。';
export const LOBBY_LABEL = '显示屏名称';
export const LOBBY_CREATE = '生成链接';
export const LOBBY_LINK = '在显示屏的浏览器中打开此地址（只显示这一次，请妥善保存）：';
export const LOBBY_OPEN = '在浏览器中打开';
export const LOBBY_LOCAL = '此地址只能在本机打开：请把大厅的电视或显示屏作为本机的第二块屏幕接上，在它上面打开此地址，按 F11 全屏。';
export const LOBBY_REVOKE = '停用';
export const LOBBY_REVOKED = '已停用';
export const LOBBY_NONE = '尚未生成显示屏链接';
/** The desktop window has no web address a TV could open: the hall screen is served in browser mode only. */
export const LOBBY_UNAVAILABLE_TITLE = '大厅屏服务本次未能启动';
export const LOBBY_UNAVAILABLE_HELP = '本机未能为大厅屏开放地址，暂时不能生成新链接。请关闭并重新启动 StationDesk；仍不行请联系管理员。已生成的链接仍可在此停用。';

export const STATUS_COLORS: Record<WishStatus, string> = {
  pending: 'gold',
  published: 'blue',
  claimed: 'cyan',
  fulfilled: 'green',
  followedUp: 'green',
  rejected: 'red',
  withdrawn: 'default',
  expired: 'volcano',
};
