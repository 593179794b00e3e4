export const TITLE = '工作台';
export const SUBTITLE = '今天的工作从这里开始';
export const SUMMARY = '常用入口与操作提示';
export const AREAS_HEADING = '业务功能';
export const KEYS_HEADING = '键盘操作';
export const KEYS = [
  { keys: 'Alt+1…8', text: '切换功能区' },
  { keys: 'Enter', text: '跳到下一项 / 提交' },
  { keys: 'Esc', text: '关闭对话框' },
  { keys: 'Tab', text: '在按钮和字段间移动' },
] as const;
export const TODAY_PREFIX = '今天是 ';
export const ROLE_PREFIX = '当前身份：';
