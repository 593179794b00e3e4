export const PRODUCT = 'StationDesk';
export const PRODUCT_CN = '综合服务站窗口系统';

// setup
export const SETUP_TITLE = '首次使用：初始化本站';
export const SETUP_SUB = '填写站点信息并设置首位管理员，完成后即可登录使用。';
export const SETUP_STEP = '只需填写一次，以后可在“设置”中修改';
export const SECTION_STATION = '站点信息';
export const SECTION_STATION_NOTE = '打印在受理回执上，并用于与县级平台对接。';
export const SECTION_ADMIN = '首位管理员';
export const SECTION_ADMIN_NOTE = '负责添加其他工作人员、维护站点信息。';
export const STATION_CODE = '站点编码';
export const STATION_CODE_PH = '行政区划代码加站点序号';
export const STATION_NAME = '站点名称';
export const STATION_NAME_PH = '如：××社区党群服务中心';
export const STATION_COUNTY = '所属县（市、区）';
export const STATION_COUNTY_PH = '如：××县';
export const STATION_ADDRESS = '地址';
export const STATION_ADDRESS_PH = '乡镇（街道）、村（社区）及门牌号';
export const STATION_PHONE = '联系电话';
export const STATION_PHONE_PH = '手机号，或带区号的座机';
export const ADMIN_NAME = '姓名';
export const ADMIN_NAME_PH = '管理员的真实姓名';
export const ADMIN_LOGIN = '登录名';
export const ADMIN_LOGIN_PH = '字母或数字，如 admin';
export const ADMIN_PASSWORD = '密码';
export const ADMIN_PASSWORD_PH = '至少 8 位，须含字母和数字';
export const ADMIN_CONFIRM = '确认密码';
export const ADMIN_CONFIRM_PH = '再输入一次密码';
export const PASSWORD_MISMATCH = '两次输入的密码不一致';
export const CONFIRM_REQUIRED = '请再输入一次密码';
export const SETUP_SUBMIT = '完成初始化';
export const SETUP_DONE = '本站初始化完成，欢迎使用';
export const SETUP_FAILED = '初始化未完成';
export const DATA_DIR = '数据保存位置：';
export const KEY_HINT = 'Enter 跳到下一项，最后一项按 Enter 提交';

// sign-in
export const SIGNIN_TITLE = '工作人员登录';
export const SIGNIN_LOGIN = '登录名';
export const SIGNIN_LOGIN_PH = '请输入登录名';
export const SIGNIN_PASSWORD = '密码';
export const SIGNIN_PASSWORD_PH = '请输入密码';
export const LOGIN_REQUIRED = '请填写登录名';
export const PASSWORD_REQUIRED = '请填写密码';
export const SIGNIN_SUBMIT = '登 录';
export const SIGNIN_HELP = '忘记密码或账号被锁定，请联系本站管理员处理。';
export const VERSION = '版本';

// changing one's password (settings and the forced change)
export const PW_NOTE = '密码至少 8 位，须同时包含字母和数字；请勿使用身份证号、电话等容易被猜到的内容。';
export const PW_CURRENT = '当前密码';
export const PW_NEXT = '新密码';
export const PW_CONFIRM = '确认新密码';
export const PW_SUBMIT = '修改密码';
export const PW_DONE = '密码已修改，下次登录请使用新密码';
export const PW_SAME = '新密码不能与当前密码相同';
export const PW_CURRENT_REQUIRED = '请填写当前密码';
export const PW_CONFIRM_REQUIRED = '请再输入一次新密码';

// the forced change at first sign-in or after a reset
export const FORCED_TITLE = '请设置您自己的密码';
export const FORCED_SUB = (name: string) => `${name}，您好`;
export const FORCED_WHY = '您正在使用管理员设置的密码（首次登录，或密码刚被重置）。为保护居民信息，请先改为只有您自己知道的新密码，改好后即可开始办理业务。';
export const FORCED_CURRENT = '管理员告诉您的密码';
export const FORCED_SUBMIT = '设置新密码并进入';
export const FORCED_DONE = '新密码已设置，下次登录请使用新密码';
export const FORCED_SIGN_OUT = '退出登录';
