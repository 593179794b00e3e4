import { INTAKE_STATUS_LABELS } from '../../../../common/intake-status';
import type { Role } from '../../../../common/roles';

export const TITLE = '设置';
export const SUBTITLE = '本机、站点、工作人员与操作日志';
export const SUMMARY = '本机设置、工作人员、操作日志、修改密码';

export const TAB_MACHINE = '本机设置';
export const TAB_STATION = '站点信息';
export const TAB_STAFF = '工作人员';
export const TAB_AUDIT = '操作日志';
export const TAB_PASSWORD = '修改密码';

export const SAVE = '保存';
export const SAVED = '已保存';
export const CANCEL = '取消';
export const RESET = '恢复原值';
export const RETRY = '重试';
export const LOAD_FAILED = '加载失败';
export const READ_ONLY = '您当前的角色只能查看以下设置；如需修改，请联系站长或管理员。';
export const STATION_READ_ONLY = '站点信息只有管理员可以修改。';

// 本机设置
export const MACHINE_NOTE = '这些设置只对本台电脑生效。';
export const COUNTY_URL = '县级平台地址';
export const COUNTY_URL_PH = '如 https://县级平台域名，由县级管理员提供';
export const COUNTY_URL_HELP = '留空表示暂不与县级平台对接，业务照常办理，数据保存在本机。';
export const PRINTER = '打印机名称';
export const PRINTER_PH = '操作系统中的打印机名称';
export const PRINTER_HELP = '受理回执等单据将发送到这台打印机；留空时打印前会提示选择。';
export const RECEIPT_LAYOUT = '回执纸张';
export const RECEIPT_LAYOUT_HELP = '受理回执、告知单等单据使用的纸张。';
export const RECEIPT_LAYOUTS = { a4: 'A4 纸', thermal80: '80 毫米热敏纸' } as const;
export const IDLE = '空闲自动退出';
export const IDLE_UNIT = '分钟';
export const NOT_SET = '未设置';
export const COUNTY_NOT_SET = '未配置（暂不与县级平台对接）';
export const PRINTER_NOT_SET = '未选择（打印前提示选择）';
export const PRINTER_DEFAULT = '（系统默认）';
export const PRINTER_LIST_FAILED = '暂时无法读取本机打印机列表，可直接填写打印机名称。';
export const IDLE_HELP = '超过这段时间无键盘、鼠标操作，将自动退出登录，保护居民信息。';

// 站点信息
export const STATION_NOTE = '站点编码用于受理回执编号和县级同步，已与县级平台对接后请勿随意修改。';
export const STATION_CODE = '站点编码';
export const STATION_NAME = '站点名称';
export const STATION_COUNTY = '所属县（市、区）';
export const STATION_ADDRESS = '地址';
export const STATION_PHONE = '联系电话';
export const STATION_UPDATED_AT = '最后修改';
export const STATION_EMPTY = '尚未填写站点信息';

// 工作人员
export const STAFF_ADD = '新增工作人员';
export const STAFF_NAME = '姓名';
export const STAFF_LOGIN = '登录名';
export const STAFF_ROLE = '角色';
export const STAFF_STATUS = '状态';
export const STAFF_LAST_SIGN_IN = '最近登录';
export const STAFF_CREATED = '添加时间';
export const STAFF_ACTIONS = '操作';
export const STAFF_EDIT = '编辑';
export const STAFF_RESET = '重置密码';
export const STAFF_UNLOCK = '解锁';
export const STAFF_ACTIVE = '启用';
export const STAFF_INACTIVE = '已停用';
export const STAFF_LOCKED = '已锁定';
export const STAFF_LOCKED_UNTIL = (until: string) => `锁定至 ${until}`;
export const STAFF_SELF = '（本人）';
export const STAFF_PASSWORD = '初始密码';
export const STAFF_PASSWORD_PH = '至少 8 位，须含字母和数字';
export const STAFF_NEW_PASSWORD = '新密码';
export const STAFF_CONFIRM = '确认密码';
export const STAFF_ACTIVE_LABEL = '账号状态';
export const STAFF_ACTIVE_ON = '启用';
export const STAFF_ACTIVE_OFF = '停用';
export const STAFF_ACTIVE_HELP = '停用后该账号不能登录，历史记录仍然保留。';
export const STAFF_SELF_HELP = '不能停用或降级自己的账号。';
export const STAFF_CREATE_TITLE = '新增工作人员';
export const STAFF_EDIT_TITLE = (name: string) => `编辑工作人员：${name}`;
export const STAFF_RESET_TITLE = (name: string) => `重置密码：${name}`;
export const STAFF_RESET_NOTE = '重置后请当面告知本人新密码，并提醒其登录后在“修改密码”中改为自己的密码。';
export const STAFF_CREATED_OK = (name: string) => `已添加工作人员 ${name}`;
export const STAFF_UPDATED_OK = '已保存修改';
export const STAFF_RESET_OK = (name: string) => `已重置 ${name} 的密码`;
export const STAFF_UNLOCK_OK = (name: string) => `已解锁 ${name} 的账号`;
export const STAFF_UNLOCK_CONFIRM = (name: string) => `解锁 ${name} 的账号？`;
export const STAFF_UNLOCK_CONFIRM_TEXT = '解锁后可立即重新登录，连续输错密码的次数清零。';
export const STAFF_COUNT = (n: number) => `共 ${n} 人`;
export const STAFF_EMPTY = '还没有工作人员';
export const PASSWORD_MISMATCH = '两次输入的密码不一致';
export const CONFIRM_REQUIRED = '请再输入一次密码';
export const ROLE_HELP: Record<Role, string> = {
  clerk: '办理日常业务',
  head: '另可修改本机设置、查看操作日志',
  admin: '另可管理工作人员和站点信息',
};

// 操作日志
export const AUDIT_VERIFY = '校验日志链';
export const AUDIT_VERIFY_OK = (n: number) => `日志链完整（${n} 条）`;
export const AUDIT_VERIFY_BROKEN = (seq: number | null, n: number) =>
  seq === null ? `日志链校验未通过（共 ${n} 条），请联系县级管理员核查` : `日志链在第 ${seq} 条处断开（共 ${n} 条），该条及之后的记录可能被改动，请联系县级管理员核查`;
export const AUDIT_NOTE = '每条记录都与上一条相互链接，任何改动都会被校验发现。';
export const AUDIT_SEQ = '序号';
export const AUDIT_AT = '时间';
export const AUDIT_ACTOR = '操作人';
export const AUDIT_ACTION = '操作';
export const AUDIT_ENTITY = '对象';
export const AUDIT_DETAIL = '详情';
export const AUDIT_MORE = '加载更早的记录';
export const AUDIT_END = '已显示全部记录';
export const AUDIT_EMPTY = '暂无操作记录';
export const AUDIT_REFRESH = '刷新';
export const AUDIT_SYSTEM = '系统';

export const ACTION_LABELS: Record<string, string> = {
  'setup.init': '初始化本站',
  'auth.signIn': '登录',
  'auth.signInFailed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.signOut': '退出登录',
  'auth.idleSignOut': '空闲自动退出',
  'auth.signOutDisabled': '账号停用，已退出',
  'auth.changePassword': '修改密码',
  'staff.create': '新增工作人员',
  'staff.update': '修改工作人员',
  'staff.resetPassword': '重置密码',
  'staff.unlock': '解锁账号',
  'station.create': '登记站点信息',
  'station.update': '修改站点信息',
  'settings.update': '修改本机设置',
  'catalogue.seed': '载入初始服务清单',
  'catalogue.import': '导入县级服务清单',
  'catalogue.add': '新增服务事项',
  'catalogue.update': '修改服务事项',
  'catalogue.retire': '停用服务事项',
  'catalogue.restore': '恢复服务事项',
  'intake.accept': '受理代办事项',
  'intake.notice': '出具一次性告知书',
  'intake.transition': '代办事项状态变更',
  'resident.create': '登记居民',
  'resident.update': '修改居民信息',
  'resident.revealIdNumber': '查看完整身份证号',
  'resident.revealRefused': '查看完整身份证号被拒绝',
  'resident.exportLedger': '导出重点服务对象台账',
  'resident.import': '批量导入居民',
  'calendar.load': '导入节假日安排',
};

export const ENTITY_LABELS: Record<string, string> = {
  staff: '工作人员',
  station: '站点',
  settings: '本机设置',
  catalogue: '服务清单',
  catalogue_item: '服务事项',
  intake: '代办事项',
  intake_notice: '一次性告知书',
  resident: '居民',
  calendar: '节假日安排',
};

export const DETAIL_KEYS: Record<string, string> = {
  login: '登录名',
  reason: '原因',
  attempt: '第几次',
  until: '锁定至',
  role: '角色',
  changed: '修改项',
  active: '启用',
  name: '姓名',
  code: '站点编码',
  county: '所属县',
  address: '地址',
  phone: '联系电话',
  countyUrl: '县级平台地址',
  printer: '打印机',
  idleMinutes: '空闲退出分钟数',
  receiptLayout: '回执纸张',
  from: '原',
  to: '新',
  label: '版本号',
  items: '事项数',
  added: '新增',
  updated: '修改',
  retired: '停用',
  source: '来源',
  receiptNo: '回执编号',
  noticeNo: '告知书编号',
  itemCode: '事项编码',
  promisedDate: '承诺办结日期',
  missing: '缺少材料（项）',
  via: '途径',
  rows: '行数',
  fullIdNumbers: '含完整身份证号',
  fileName: '文件名',
  created: '新增',
  skipped: '跳过',
  onExisting: '已登记居民处理方式',
  year: '年度',
  origin: '来源方式',
  sha256: '版本',
  replaced: '替换的版本',
  affected: '承诺日期有差异的事项',
};

/** Where a field name means something else for one kind of record ("name" of a station is its 站点名称). */
export const ENTITY_DETAIL_KEYS: Record<string, Record<string, string>> = {
  station: { name: '站点名称', code: '站点编码', county: '所属县（市、区）', phone: '联系电话', address: '地址' },
  catalogue_item: { name: '名称', category: '类别', department: '责任部门', materials: '所需材料', timeLimit: '承诺时限', forwarded: '是否转报', notes: '备注', version: '清单版本' },
  intake: { from: '原状态', to: '新状态' },
};

export const DETAIL_VALUES: Record<string, string> = {
  'wrong-password': '密码错误',
  a4: 'A4 纸',
  thermal80: '80 毫米热敏纸',
  'unknown-login': '登录名不存在',
  'no-such-login': '登录名不存在',
  locked: '账号已锁定',
  inactive: '账号已停用',
  disabled: '账号已停用',
  true: '是',
  false: '否',
  ...INTAKE_STATUS_LABELS,
  skip: '跳过',
  match: '更新',
  shipped: '随软件提供',
  station: '本站导入',
  county: '县级平台下发',
};

// 修改密码
export const PW_NOTE = '密码至少 8 位，须同时包含字母和数字；请勿使用身份证号、电话等容易被猜到的内容。';
export const PW_CURRENT = '当前密码';
export const PW_NEXT = '新密码';
export const PW_CONFIRM = '确认新密码';
export const PW_SUBMIT = '修改密码';
export const PW_DONE = '密码已修改，下次登录请使用新密码';
export const PW_SAME = '新密码不能与当前密码相同';
export const PW_CURRENT_REQUIRED = '请填写当前密码';
