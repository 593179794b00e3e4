/** 设置 → 节假日安排: the working-day calendar's words. */
import type { CalendarOrigin } from '../../../../common/contracts/calendar';

export const TAB_CALENDAR = '节假日安排';

export const INTRO =
  '承诺办结日期按工作日计算。国务院每年公布下一年的放假安排后（通常在 11 月前后），请在此导入该年的放假通知文件；未导入的年份暂按法定节假日推算，受理回执上注明“暂定”。';
export const READ_ONLY = '只有站长或管理员可以导入放假安排。';
export const FORMAT_HELP = '文件为 .json 格式，格式同随软件提供的 2026 年放假安排（year、source、holidays、makeupWorkdays）。';

export const COL_YEAR = '年度';
export const COL_STATUS = '状态';
export const COL_SOURCE = '来源';
export const COL_DAYS = '放假日期';
export const COL_ACTIONS = '操作';

export const PUBLISHED = '已公布';
export const PROVISIONAL = '暂按法定节假日推算';
export const WEEKENDS_ONLY = '仅按周末计算';
export const YEAR = (y: number) => `${y} 年`;
export const THIS_YEAR = '今年';

export const ORIGIN: Record<CalendarOrigin, string> = { shipped: '随软件提供', station: '本站导入', county: '县级平台下发' };
export const LOADED = (origin: string, at: string, by: string | null) => `${origin}${by ? `（${by}，${at}）` : `（${at}）`}`;
export const VERSION = (sha: string) => `版本 ${sha.slice(0, 12)}`;
export const MAKEUP = '调休上班';
export const NO_DAYS = '无（仅周末休息）';

export const LOAD_ANY = '导入放假通知文件';
export const LOAD_FOR = (y: number) => `导入 ${y} 年通知`;
export const REPLACE = '重新导入';
export const LOADING = '正在导入…';

export const LOADED_OK = (y: number, source: string) => `已导入 ${y} 年放假安排：${source}`;
export const AFFECTED = (n: number) =>
  n === 0 ? '已受理事项的承诺日期与新安排一致。' : `有 ${n} 件未办结事项的承诺日期与新安排不同：回执上的日期不变，已在事项详情中标出按新安排应为的日期。`;
export const UNCHANGED = (y: number) => `所选文件与现行的 ${y} 年放假安排相同，未作改动。`;
export const READ_FAILED = '无法读取所选文件，请确认文件未被其他程序占用。';
export const TOO_BIG = '文件过大，不是放假安排文件。';
