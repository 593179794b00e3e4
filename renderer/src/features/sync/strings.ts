export const TITLE = '同步';
export const SUBTITLE = '与县级平台的数据交换：待上报的记录、县级的答复和需要处理的问题';
export const SUMMARY = '查看上报与接收情况';

// --- the state at a glance
export const STATE_HEADING = '连接状态';
export const STATE_TEXT = {
  unenrolled: '本站尚未在县级平台登记。业务照常办理，记录保存在本机；登记后会按顺序自动上报。',
  online: '与县级平台连接正常，本站的变更会自动上报，县级的答复会自动接收。',
  offline: '暂时连不上县级平台。业务照常办理，记录保存在本机，网络恢复后会自动补报，不丢失、不重复。',
  syncing: '正在与县级平台交换数据，可以照常办理业务。',
  reenroll: '县级平台不再接受本站的凭据（可能已被撤销或过期）。待上报的记录都保留在本机，重新登记后会继续上报。',
} as const;
export const COUNTY = '县级平台';
export const COUNTY_NONE = '未设置';
export const ENROLLED_AT = '登记时间';
export const PENDING = '待上报';
export const PENDING_NONE = '无，全部已上报';
export const PENDING_COUNT = (n: number) => `${n.toLocaleString('zh-CN')} 条`;
export const OLDEST_WAITING = (age: string) => `最早一条已等待 ${age}`;
export const LAST_SUCCESS = '上次成功同步';
export const NEVER = '尚未成功同步过';
export const LAST_ERROR = '最近一次错误';
export const NO_ERROR = '无';
export const NEXT_ATTEMPT = '下次自动同步';
export const NEXT_NONE = '—';
export const NEXT_SOON = '即将开始';
export const NEXT_AFTER_ENROLL = '登记后开始';
export const SYNC_NOW = '立即同步';
export const SYNC_NOW_HINT = 'Enter 立即同步';
export const SYNC_DONE = '同步完成';
export const SYNC_DONE_PENDING = (n: number) => `本轮已结束，仍有 ${n.toLocaleString('zh-CN')} 条待上报`;
export const SYNC_NOT_ENROLLED = '本站尚未登记，登记后才能同步';
export const PROGRESS = (sent: number, total: number) => `正在上报：${sent.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 条`;
export const STATUS_LOAD_FAILED = '同步状态读取失败';
export const RETRY = '重试';
export const REFRESHED_AT = (t: string) => `${t} 更新`;

// --- plain-Chinese times
export const LESS_THAN_A_MINUTE = '不到 1 分钟';
export const MINUTES = (m: number) => `${m} 分钟`;
export const HOURS = (h: number, m: number) => (m > 0 ? `${h} 小时 ${m} 分` : `${h} 小时`);
export const DAYS = (d: number, h: number) => (h > 0 ? `${d} 天 ${h} 小时` : `${d} 天`);
export const TODAY = '今天';
export const YESTERDAY = '昨天';
export const AGO = (age: string) => `${age}前`;
export const JUST_NOW = '刚刚';
export const IN = (age: string) => `约 ${age}后`;
export const ERROR_GENERIC = '同步失败，详细原因已记入本机日志；如反复出现请联系管理员';
export const ERROR_AT = (message: string, when: string) => `${message}（${when}）`;

// --- the county's clock
export const SKEW_TITLE = '本机时间与县级平台不一致';
export const SKEW_AHEAD = (d: string) => `本机时钟比县级平台快 ${d}。`;
export const SKEW_BEHIND = (d: string) => `本机时钟比县级平台慢 ${d}。`;
export const SKEW_TEXT = '回执和记录上的时间以本机时钟为准，请管理员校准本机的日期和时间（可开启自动对时）。';

// --- enrollment
export const ENROLL_HEADING = '登记本站';
export const REENROLL_HEADING = '重新登记';
export const ENROLL_NOTE = '向县级管理员索取县级平台地址和 12 位登记码。登记码只能使用一次，登记后本机自动保存凭据。';
export const REENROLL_NOTE = '需要重新登记时（凭据被撤销、更换电脑），向县级管理员索取新的登记码。重新登记不会丢失待上报的记录。';
export const REENROLL_OPEN = '重新登记…';
export const COUNTY_URL = '县级平台地址';
export const COUNTY_URL_PH = '如 https://sync.county.gov.cn';
export const CODE = '登记码';
export const CODE_PH = '12 位字母或数字，如 K7QM-2XPA-9RTD';
export const CODE_REQUIRED = '请填写登记码';
export const CODE_HELP = '字母不分大小写，空格和短横线可省略。';
export const ENROLL_SUBMIT = '登记';
export const ENROLL_CANCEL = '取消';
export const ENROLL_KEYS = 'Enter 下一项 / 提交';
export const REENROLL_KEYS = 'Enter 下一项 / 提交，Esc 取消';
export const ENROLL_DONE = '登记成功，开始与县级平台同步';
export const ASK_HEAD = (names: string) => `登记和重新登记由站长或管理员办理，请联系：${names}。`;
export const ASK_HEAD_UNKNOWN = '登记和重新登记由站长或管理员办理，请联系本站站长。';

// --- problems for the station head
export const REJECTED_HEADING = '被县级拒收的记录';
export const REJECTED_NOTE = '这些记录县级平台没有接收。它们保留在本机，不会被删除，也不会挡住后面的记录；请核对后联系县级管理员。';
export const REJECTED_NONE = '没有被拒收的记录';
export const COL_SEQ = '序号';
export const COL_KIND = '记录类别';
export const COL_RECORD = '记录编号';
export const COL_OCCURRED = '发生时间';
export const COL_REASON = '拒收原因';
export const COL_REJECTED_AT = '拒收时间';
export const CONFLICTS_HEADING = '待核对的冲突';
export const CONFLICTS_NOTE = '县级的决定基于较早的记录，而本站之后又修改过该记录，因此没有自动套用。请核对双方内容，写明处理方式。';
export const CONFLICTS_NONE = '没有待核对的冲突';
export const SHOW_RESOLVED = '显示已处理的';
export const COL_LABEL = '记录';
export const COL_SUMMARY = '县级的决定';
export const COL_VERSIONS = '版本（县级/本站）';
export const COL_RECEIVED = '收到时间';
export const COL_RESOLUTION = '处理方式';
export const RESOLVE = '处理';
export const RESOLVED = '已处理';
export const RESOLVE_TITLE = (label: string) => `处理冲突：${label}`;
export const RESOLUTION = '处理方式';
export const RESOLUTION_REQUIRED = '请写明处理方式';
export const RESOLUTION_PH = '如：已与县级核对，以本站修改为准，县级已重新审核';
export const RESOLUTION_KEYS = 'Enter 提交，Shift+Enter 换行，Esc 取消';
export const RESOLVE_OK = '记录处理方式';
export const RESOLVE_DONE = '已记录处理方式';
export const PROBLEMS_FOR_HEAD = (rejected: number, conflicts: number) =>
  [rejected > 0 ? `${rejected} 条记录被县级拒收` : '', conflicts > 0 ? `${conflicts} 个冲突待核对` : ''].filter(Boolean).join('，') + '，请站长或管理员在本页处理。';
export const LIST_LOAD_FAILED = '列表读取失败';

// --- status bar
export const BAR_LABEL = '同步状态，按 Enter 打开同步';
export const BAR_PENDING = (n: number) => `待上报 ${n.toLocaleString('zh-CN')}`;
export const BAR_UNKNOWN = '同步状态未知';
