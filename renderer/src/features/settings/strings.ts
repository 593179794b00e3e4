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
export const EXPORT_KEEP = '导出文件保留';
export const EXPORT_KEEP_UNIT = '天';
export const EXPORT_KEEP_HELP = '导出的台账、操作日志保存在数据目录的 exports 文件夹中，超过这段时间自动删除，以免居民信息长期留在本机。';
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
export const STAFF_RESET_NOTE = '重置后请当面告知本人新密码；其下次登录时须先改为自己的密码，才能办理业务。';
export const STAFF_PASSWORD_HELP = '请当面告知本人；其首次登录时须改为自己的密码。';
export const STAFF_MUST_CHANGE = '待本人改密码';
export const STAFF_MUST_CHANGE_TITLE = '此账号正在使用管理员设置的密码，本人下次登录时须先修改';
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
export const AUDIT_VERIFY_OK = (n: number, heads = 0) => `日志链完整（${n} 条）${heads > 0 ? `，与本机设置和日结记录的 ${heads} 处日志末尾一致` : ''}`;
export const AUDIT_VERIFY_CONTACT = '请联系县级管理员核查。';
export const AUDIT_VERIFY_BROKEN = (seq: number | null, n: number) =>
  seq === null ? `日志链校验未通过（共 ${n} 条），请联系县级管理员核查` : `日志链在第 ${seq} 条处断开（共 ${n} 条），该条及之后的记录可能被改动，请联系县级管理员核查`;
export const AUDIT_NOTE = '每条记录都与上一条相互链接，任何改动都会被校验发现。';
export const AUDIT_SEQ = '序号';
export const AUDIT_AT = '时间';
export const AUDIT_ACTOR = '操作人';
export const AUDIT_ACTION = '操作';
export const AUDIT_ENTITY = '对象';
export const AUDIT_DETAIL = '详情';
export const AUDIT_EMPTY = '暂无操作记录';
export const AUDIT_REFRESH = '刷新';
export const AUDIT_SYSTEM = '系统';
export const AUDIT_RECORD = '记录';
export const AUDIT_CODE = '操作代码';
export const AUDIT_RAW_ENTITY = '对象类型';
export const AUDIT_RAW_ENTITY_ID = '对象编号';
export const AUDIT_RAW_DETAIL = '原始详情（JSON）';
export const AUDIT_RAW = '原始记录';
export const AUDIT_RAW_HELP = '显示操作代码和原始详情，供县级运维人员核查';
export const AUDIT_DATES = '日期';
export const AUDIT_DATE_FROM = '起始日期';
export const AUDIT_DATE_TO = '截止日期';
export const AUDIT_ANY_ACTOR = '全部操作人';
export const AUDIT_ANY_ACTION = '全部操作';
export const AUDIT_RECORD_PH = '回执编号、单据编号或登录名';
export const AUDIT_CLEAR = '清除条件';
export const AUDIT_EXPORT = '导出 Excel';
export const AUDIT_EXPORTED = (n: number, where: string) => `已导出 ${n} 条记录，文件已保存到 ${where}`;
export const AUDIT_TOTAL = (n: number) => `共 ${n} 条`;
export const AUDIT_FILTERED_EMPTY = '没有符合条件的记录';
