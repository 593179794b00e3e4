export const PRODUCT = '综合服务站窗口系统';
export const NAV_LABEL = '功能区';
export const NAV_HINT_1 = 'Alt+数字 切换功能区';
export const NAV_HINT_2 = '↑↓ 选择，Enter 打开';
export const SIGN_OUT = '退出登录';
export const STATUS_LABEL = '状态栏';
export const SIGNED_OUT = '已退出登录';
export const NAV_HINT_TABS = 'Alt+Shift+数字 切换标签页';
export const TAB_KEY_TITLE = (keys: string) => `快捷键：${keys}`;
