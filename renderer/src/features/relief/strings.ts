/** 社会救助's words, in one place (DESIGN.md §8). */
export const TITLE = '社会救助';
export const SUBTITLE = '低保、特困、临时救助、医疗救助';
export const SUMMARY = '受理救助申请，入户调查、公示、初审';

export const TAB_NEW = '新申请';
export const TAB_LIST = '救助案件';
export const TAB_HEAD = '站长清单';
export const TAB_CASE = '案件详情';

// the application form
export const TYPE = '救助类型';
export const TYPE_PH = '选择救助类型';
export const APPLICANT = '申请人';
export const APPLICANT_HINT = '输入姓名、拼音首字母或身份证号查找；没有登记的居民可当场登记';
export const MEMBERS = '共同生活家庭成员';
export const MEMBERS_HINT = '申请人本人之外，与申请人共同生活的家庭成员逐一添加';
export const ADD_MEMBER = '添加家庭成员';
export const REMOVE = '移除';
export const RELATION = '与申请人关系';
export const EMPLOYMENT = '就业状况';
export const INCOMES = '月收入';
export const ADD_INCOME = '添加收入';
export const INCOME_KIND = '收入类别';
export const INCOME_AMOUNT = '金额（元）';
export const INCOME_MONTHS = '计算月数';
export const INCOME_MONTHS_HINT = '不固定的收入填最近几个月合计和月数，按月平均';
export const NO_INCOME = '无收入';
export const DISABILITY = '残疾';
export const DISABILITY_GRADE = '残疾等级';
export const DISABILITY_KIND = '残疾类别';
export const DISABILITY_GRADES: Record<string, string> = { '1': '一级', '2': '二级', '3': '三级', '4': '四级' };
export const HEALTH = '健康状况';
export const HEALTH_PH = '如：慢性病、重病，无则留空';
export const SCHOOL = '就读学校';
export const SCHOOL_PH = '在校学生填学校和年级';
export const ASSETS = '家庭财产';
export const ADD_ASSET = '添加财产';
export const ASSET_KIND = '财产类别';
export const ASSET_DESC = '说明';
export const ASSET_VALUE = '价值（元）';
export const ASSET_COUNT = '数量';
export const SUPPORTERS = '法定赡养、抚养、扶养义务人';
export const ADD_SUPPORTER = '添加义务人';
export const SUPPORTER_NAME = '姓名';
export const SUPPORTER_RELATION = '义务类别';
export const SUPPORTER_NOTE = '与申请人关系';
export const SUPPORTER_INCOME = '月收入（元）';
export const SUPPORTER_SIZE = '家庭人口';
export const SUPPORTER_SUPPORT = '实际给付（元/月）';
export const MATERIALS = '申请材料';
export const MATERIALS_HINT = '勾选已收到的材料；缺少的材料将一次性列入补正通知';
export const CLOSE_RELATIVE = '近亲属备案';
export const CLOSE_RELATIVE_Q = '申请人或家庭成员是否为本站工作人员或村（居）委会成员的近亲属？';
export const CLOSE_RELATIVE_YES = '是，需备案';
export const CLOSE_RELATIVE_NO = '否';
export const CLOSE_RELATIVE_WHO = '哪位家庭成员';
export const CLOSE_RELATIVE_OF = '是哪类人员的近亲属';
export const CLOSE_RELATIVE_NAME = '工作人员姓名';
export const CLOSE_RELATIVE_POST = '职务';
export const CLOSE_RELATIVE_REL = '亲属关系';
export const CLOSE_RELATIVE_NOTE = '近亲属备案的案件单独登记，并列入站长清单。';
export const NOTE = '备注';
export const SUBMIT_ACCEPT = '受理并打印回执';
export const SUBMIT_INCOMPLETE = '登记并打印补正通知';
export const SUBMIT_KEYS = 'Ctrl+Enter';
export const CLEAR = '清空重填';
export const CLEAR_CONFIRM = '清空已填写的申请内容？';
export const PICK_APPLICANT_FIRST = '请先选择申请人';
export const ALREADY_IN = '该居民已在家庭成员中';

// the arithmetic
export const MEANS = '家庭人均月收入';
export const MEANS_HINT = '本站只计算并列出数字，是否符合条件由县级民政部门审核确认';
export const MEANS_NONE = '选择申请人后显示计算过程';
export const MEANS_COUNTING = '正在计算…';
export const MEANS_NEEDS_TYPE = '选择救助类型后显示计算过程';
export const MEANS_NEEDS_EMPLOYMENT = (name: string) => `请选择${name}的就业状况，选好后显示计算过程`;
export const MEANS_NEEDS_AMOUNT = (name: string) => `请填写${name}的收入金额，填好后显示计算过程`;
export const HOUSEHOLD_SIZE = (n: number) => `家庭人口 ${n} 人`;
export const PER_CAPITA = '人均月收入';
export const STANDARD = '本地低保标准';
export const STANDARD_NONE = '尚未设置本地低保标准（设置 → 社会救助）';
export const BELOW = (gap: string) => `低于标准 ${gap} 元`;
export const ABOVE = (gap: string) => `高于标准 ${gap} 元`;
export const NO_INCOME_MEMBERS = '无收入成员';
export const AWAY_MEMBERS = '外出务工成员（收入全额计入）';
export const ASSET_WARNINGS = '财产提示';
export const REDACTED = '收入、健康和残疾情况仅限有社会救助权限的人员查看';
export const YUAN = (fen: number) => (fen / 100).toFixed(2);

// outcome
export const CREATED_ACCEPTED = (no: string) => `已受理，案件编号 ${no}`;
export const CREATED_INCOMPLETE = (no: string, n: number) => `已登记 ${no}，材料缺 ${n} 项，已生成补正通知`;
export const OPEN_CASE = '打开案件';
export const NEXT_APPLICATION = '受理下一位';

// the case page
export const STEPS = '办理步骤';
export const DUE = '期限';
export const DONE_ON = '完成';
export const STATE_LABELS: Record<string, string> = { done: '已完成', open: '进行中', dueSoon: '即将到期', overdue: '已超期', skipped: '不需要' };
export const URGENCY_LABELS: Record<string, string> = { overdue: '已超期', dueSoon: '即将到期', normal: '正常', closed: '已结束' };
export const WORKDAYS = '工作日';
export const NATURAL_DAYS = '自然日';
export const PROVISIONAL = '暂定：该年度国务院节假日安排尚未载入，日期按法定节假日推算';
export const LIMIT = (n: number) => `办理时限 ${n} 个工作日`;
export const ACCEPTED_ON = '受理日期';
export const CASE_DUE = '办结期限';
export const HOUSEHOLD = '家庭情况';
export const ACTIONS = '办理';
export const PRINTS = '打印';
export const HISTORY = '办理记录';
export const BACK_TO_LIST = '返回清单';
export const CASE_NOT_FOUND = '未找到该案件';
export const INVESTIGATORS = ['第一调查人', '第二调查人'] as const;
export const INVESTIGATE_DATE = '调查日期';
export const FINDINGS = '调查情况';
export const REVIEW_NEEDED = '需要民主评议（家庭情况有争议或难以核实）';
export const REVIEW_DATE = '评议日期';
export const PARTICIPANTS = '参加人员';
export const OUTCOME = '评议结果';
export const OPINION_AGREE = '初审意见';
export const AGREE = '同意';
export const DISAGREE = '不同意';
export const OPINION_TEXT = '意见说明';
export const PROPOSED = '拟救助金额（元/月）';
export const PUBLICITY_START = '公示开始日期';
export const PUBLICITY_PLACE = '公示地点';
export const PUBLICITY_RANGE = (a: string, b: string) => `公示期 ${a} 至 ${b}（7 天）`;
export const OBJECTION_ON = '异议受理日期';
export const OBJECTION_TEXT = '异议内容';
export const OBJECTION_NOTE = '登记异议后将重新入户调查。';
export const FORWARD_CONFIRM = '报县审批后将通过同步送达县级民政部门，确认报送？';
export const NOTIFY_ON = '送达日期';
export const NOTIFY_HOW = '送达方式';
export const NOTIFY_DUE = (d: string) => `不予批准须在 ${d} 前书面告知申请人`;
export const WITHDRAW_REASON = '撤回原因';
export const EXTEND_REASON = '延期原因';
export const EMERGENCY_AMOUNT = '先行救助金额（元）';
export const EMERGENCY_REASON = '先行救助原因';
export const EMERGENCY_NOTE = '先行救助后需补办的手续将生成待办任务，并有办理期限。';
export const TASKS = '待补办任务';
export const TASK_DONE = '标记完成';
export const DECISION = '县级审核确认结果';
export const APPROVED = (amount: string, month: string) => `批准：每月 ${amount} 元，自 ${month} 起发放`;
export const REFUSED = '不予批准';
export const REASONS = '理由';
export const DECIDED = (by: string, at: string) => `${by} · ${at}`;
export const WITHDRAWN = (reason: string) => `申请人已撤回：${reason}`;
export const CONFIRM = '确定';
export const CANCEL = '取消';
export const SAVED = '已保存';

export const STEP_BUTTONS: Record<string, string> = {
  accept: '材料齐全，受理',
  investigate: '登记入户调查',
  review: '登记民主评议',
  opinion: '提出初审意见',
  publicize: '开始公示',
  objection: '登记公示异议',
  forward: '报县审批',
  notifyRefusal: '登记已书面告知',
  withdraw: '撤回申请',
  extend: '延长办理期限',
};
export const EMERGENCY_BUTTON = '先行救助';
export const MATERIALS_BUTTON = '补收材料';

export const DOCS: Record<string, string> = {
  acceptance: '受理回执',
  correction: '补正通知',
  authorization: '核对授权书',
  investigationBlank: '入户调查表（空白）',
  investigation: '入户调查表（已填）',
  publicity: '公示表',
  refusal: '不予批准通知书',
};

// the list
export const VIEWS: { key: 'open' | 'overdue' | 'dueSoon' | 'closeRelative' | 'all'; label: string }[] = [
  { key: 'open', label: '办理中' },
  { key: 'overdue', label: '已超期' },
  { key: 'dueSoon', label: '即将到期' },
  { key: 'closeRelative', label: '近亲属备案' },
  { key: 'all', label: '全部' },
];
export const COL_NO = '案件编号';
export const COL_APPLICANT = '申请人';
export const COL_TYPE = '类型';
export const COL_SIZE = '人口';
export const COL_STATUS = '状态';
export const COL_NEXT = '下一步';
export const COL_DUE = '办结期限';
export const EMPTY = '没有符合条件的案件';
export const LOAD_FAILED = '读取失败';
export const RETRY = '重试';

// head's list
export const HEAD_CLOSE = '近亲属备案案件';
export const HEAD_OVERDUE = '超期案件';
export const HEAD_DUESOON = '即将到期案件';
export const HEAD_TASKS = '先行救助待补办';
export const HEAD_FORBIDDEN = '站长清单仅限站长和管理员查看';

// 修改家庭情况
export const EDIT_HOUSEHOLD = '修改家庭情况';
export const EDIT_TITLE = (no: string) => `修改家庭情况 · ${no}`;
export const EDIT_HINT = '按申请人最新申报修改成员、收入、财产和义务人；申请人本人不能更换。保存后重新计算人均收入。';
export const EDIT_SAVE = '保存家庭情况';
export const EDIT_CANCEL = '放弃修改';
export const EDIT_CANCEL_CONFIRM = '放弃本次修改的内容？';
export const EDIT_SAVED = '家庭情况已保存';
export const EDIT_STALE_RETRY = '读取最新版本，保留我填写的内容';
export const EDIT_STALE_NOTE = '已读取最新版本。请核对后再次保存，保存时以本页填写的内容为准。';
export const EDIT_LOCKED = '已报县审批或已办结的案件不能修改家庭情况';

// 设置 → 社会救助
export const TAB_SETTINGS = '社会救助';
export const SET_STANDARD = '本地低保标准';
export const SET_STANDARD_HINT = '县级民政部门发布的标准通过同步自动下发；县级尚未下发时，可按文件在此录入。';
export const SET_STANDARD_COUNTY_HELD = '县级已下发标准，一般无需本站录入；本站录入的标准在其执行日期起同样生效。';
export const SET_STANDARD_NONE = '尚未设置低保标准，家庭人均收入无法与标准比较';
export const SET_COL_AMOUNT = '标准（元/人·月）';
export const SET_COL_FROM = '执行日期';
export const SET_COL_SOURCE = '文件依据';
export const SET_COL_ORIGIN = '来源';
export const SET_IN_FORCE = '现行';
export const SET_ORIGIN_COUNTY = (at: string) => `县级下发（${at}）`;
export const SET_ORIGIN_STATION = (at: string) => `本站录入（${at}）`;
export const SET_NEW_STANDARD = '录入标准';
export const SET_AMOUNT = '标准（元/人·月）';
export const SET_FROM = '执行日期';
export const SET_SOURCE = '文件依据';
export const SET_SOURCE_PH = '如：长安区民政局〔2026〕1号';
export const SET_RECORD = '录入标准';
export const SET_LIMITS = '财产限制';
export const SET_TIME = '办理时限';
export const SET_DEFAULT = (n: string) => `默认 ${n}`;
export const SET_BASIS = '默认值依据《最低生活保障审核确认办法》（民发〔2021〕57号）及本地规定，县级另有规定的按县级规定修改。';
export const SET_SAVE = '保存限制和时限';
export const SET_SAVED = '已保存';
export const SET_READONLY = '仅站长和管理员可以修改社会救助设置';
export const SET_REQUIRED = (label: string) => `请填写${label}`;
export const SET_RANGE = (label: string, min: number, max: number) => `${label}须在 ${min} 至 ${max} 之间`;
export const SET_EXTENDED_SHORT = '延长后的办理期限不能短于正常期限';
export const SET_AMOUNT_BAD = '请填写大于 0 的标准金额，最多两位小数';
export const SET_FROM_BAD = '执行日期格式应为 年-月-日';
export const SET_BUSINESS_YES = '允许';
export const SET_BUSINESS_NO = '不允许';
