export const TITLE = '居民';
export const SUBTITLE = '综合信息库';
export const SUMMARY = '查找、登记居民，标注重点服务对象';
export const HEADING = '居民综合信息库';
export const TEXT = '综合信息库：按姓名、拼音首字母、身份证号后四位或电话查找和登记居民，标注重点服务对象。其他各项业务都从这里选定办事居民。';
export const POINTS = [
  { title: '快速查找', text: '输入姓名、拼音首字母（如 zs）、身份证号后四位或电话即可定位居民。' },
  { title: '规范登记', text: '身份证号自动校验，证件号码在屏幕和打印件上默认脱敏显示。' },
  { title: '重点对象', text: '标注空巢老人、独居、残疾人、低保、特困、优抚、留守儿童等服务对象。' },
] as const;
