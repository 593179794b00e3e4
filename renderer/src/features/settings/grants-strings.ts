/** 权限授予: the words of the grants tab. */
export const TAB_GRANTS = '权限授予';
export const GRANTS_NOTE = '站长或管理员可以把下列权限单独授予某位工作人员（如窗口人员），也可以随时收回；每次授予和收回都记入操作日志。已停用账号的授权不起作用。';
export const GRANTS_NAME = '姓名';
export const GRANTS_ROLE = '角色';
export const GRANTS_BY_ROLE = '角色已含';
export const GRANTS_INACTIVE = '账号已停用';
export const GRANTED = (name: string, what: string) => `已授予${name}“${what}”的权限`;
export const WITHDRAWN = (name: string, what: string) => `已收回${name}“${what}”的权限`;
export const PHONE_NOTE = '获授“导出重点服务对象台账”的工作人员导出的台账中，身份证号和联系电话均为脱敏显示；完整号码只有站长和管理员可以导出。';
