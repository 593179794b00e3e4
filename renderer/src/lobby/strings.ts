/** The hall screen's words: large, few, nothing private. */
export const TITLE = '微心愿 · 心愿墙';
export const SLOGAN = '一份小心愿，一片邻里情 —— 欢迎到窗口认领';
export const NO_TOKEN = '此页面缺少显示屏凭据，请在 StationDesk「微心愿 › 设置」中生成大厅显示屏链接后打开。';
export const BAD_TOKEN = '此显示屏链接已失效或已停用，请联系站点工作人员重新生成。';
export const STALE = (at: string) => `暂时无法更新，显示的是 ${at} 的内容`;
export const EMPTY = '目前没有待认领的心愿，感谢大家的关注！';
export const LOADING = '心愿墙 正在加载…';
export const STATE = { open: '待认领', claimed: '已认领', fulfilled: '已圆梦' } as const;
export const VALUE = (y: string) => `约 ${y.replace(/\.00$/, '')} 元`;
export const DEADLINE = (d: string) => `截止 ${d}`;
export const DAYS_LEFT = (n: number) => (n === 0 ? '今天截止' : `还剩 ${n} 天`);
export const FOR = (name: string) => `受助居民：${name}`;
export const BY = (names: string[]) => `认领：${names.join('、')}`;
export const PAGE = (i: number, n: number) => `第 ${i} / ${n} 屏`;
export const UPDATED = (at: string) => `更新于 ${at}`;
export const FULLSCREEN = '全屏显示（F11）';
