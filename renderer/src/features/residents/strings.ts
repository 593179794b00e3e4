/** Words of the 居民 area (DESIGN.md §8). */
import type { KeyTag, MatchKind } from '../../../../common/contracts/residents';

export const TITLE = '居民';
export const SUBTITLE = '综合信息库：查找、登记居民，标注重点服务对象';
export const SUMMARY = '查找、登记居民，标注重点服务对象';

export const TAB_SEARCH = '查找与登记';
export const TAB_LEDGER = '重点服务对象台账';
export const TAB_IMPORT = '批量导入';

// ---------- search ----------
export const SEARCH_PH = '姓名、拼音首字母（如 zs）、身份证号后 4 位或电话号码';
export const SEARCH_LABEL = '查找居民';
export const SEARCH_KEYS = '↑↓ 选择　Enter 打开　Esc 清空';
export const SEARCH_START = '输入姓名、拼音首字母、身份证号后几位或电话即可查找';
export const SEARCH_START_EXAMPLES = ['张三 / 建国：姓名或其中两个字', 'zs：拼音首字母', '1234：身份证号或电话后 4 位', '身份证号全号：直接定位'];
export const SEARCH_NONE = '没有找到符合的居民';
export const SEARCH_NONE_REGISTER = '按此身份证号登记';
export const SEARCH_MORE = (n: number) => `仅显示最相关的 ${n} 位，请输入更多内容缩小范围`;
export const SEARCH_DOWN_TITLE = '本机服务没有响应，暂时无法查找';
export const SEARCH_FAILED_TITLE = '这次查找没有完成';
export const SEARCH_DOWN_NOTE = '这不代表查无此人：服务恢复后请重新查找，再决定是否登记。';
export const SEARCH_RETRY = '重新查找';
export const REGISTER = '登记新居民';
export const REFRESH = '刷新';
export const RETRY = '重试';

export const MATCH_LABELS: Record<MatchKind, string> = {
  idNumber: '身份证号',
  phone: '电话',
  name: '姓名',
  namePrefix: '姓名',
  nameContains: '姓名',
  initials: '拼音',
  initialsPrefix: '拼音',
  pinyin: '拼音',
  idSuffix: '身份证尾号',
  phoneSuffix: '电话尾号',
  phonePrefix: '电话',
  phoneContains: '电话',
};

// ---------- columns ----------
export const COL_NAME = '姓名';
export const COL_SEX = '性别';
export const COL_AGE = '年龄';
export const COL_ID = '身份证号';
export const COL_PHONE = '电话';
export const COL_ADDRESS = '现住址';
export const COL_GRID = '网格';
export const COL_TAGS = '重点服务对象';
export const COL_MATCH = '匹配';
export const AGE = (n: number) => `${n} 岁`;

// ---------- the form ----------
export const FORM_CREATE = '登记新居民';
export const FORM_EDIT = (name: string) => `修改居民信息：${name}`;
export const FORM_SAVE = '保存';
export const FORM_CANCEL = '取消';
export const FORM_KEYS = 'Enter 下一项　Ctrl+Enter 保存　Esc 关闭';
export const F_ID = '身份证号';
export const F_ID_PH = '18 位，末位可为 X';
export const F_ID_KEEP = (masked: string) => `当前：${masked}。不修改请留空；如需更正，请输入完整的 18 位号码`;
export const F_ID_DERIVED = (sex: string, birth: string, age: number) => `${sex} · ${birth} 出生 · ${age} 岁`;
export const F_NAME = '姓名';
export const F_SEX = '性别';
export const F_BIRTH = '出生日期';
export const F_BIRTH_PH = '如 1956-03-08';
export const F_PINYIN = '姓名拼音';
export const F_PINYIN_PH = '自动生成；读音不对时在此更正，如 wei zhe';
export const F_PINYIN_DERIVED = (py: string) => `自动拼音：${py}（用于拼音首字母查找；不对时在此更正）`;
export const F_PINYIN_UNKNOWN = (chars: string) => `“${chars}”的读音未收录，请填写拼音（每字一个音节，空格分开）`;
export const F_PINYIN_MANUAL = '已手工更正拼音；清空则恢复自动拼音';
export const F_PINYIN_LONG = '拼音不能超过 200 个字符';
export const F_PHONE = '联系电话';
export const F_PHONE_PH = '手机 11 位，座机带区号';
export const F_ADDRESS = '现住址';
export const F_GRID = '所属网格';
export const F_GRID_PH = '如 第一网格';
export const F_HEAD = '户主';
export const F_HEAD_PH = '本人是户主或未登记户籍时留空；输入户主姓名查找';
export const F_RELATION = '与户主关系';
export const F_TAGS = '重点服务对象';
export const F_TAGS_HELP = '勾选类别并填写认定日期';
export const F_SINCE = '认定日期';
export const F_NOTES = '备注';
export const F_NOTES_PH = '仅记录办事所需信息，勿填写与服务无关的隐私';
export const WARN_SEX = (expected: string) => `与身份证号不符：按身份证号应为“${expected}”`;
export const WARN_BIRTH = (expected: string) => `与身份证号不符：按身份证号应为 ${expected}`;
export const REQUIRED_NAME = '请填写姓名';
export const SAVED_CREATE = (name: string) => `已登记：${name}`;
export const SAVED_EDIT = (name: string) => `已保存：${name}`;
export const DUPLICATE_OPEN = '打开其档案';
export const DUPLICATE_PICK = '就选这位居民';
export const DUPLICATE_TITLE = '该身份证号已经登记过';
export const DUPLICATE_EARLY = (name: string, masked: string) => `该身份证号已登记：${name}（${masked}），请打开其档案，无需重复登记`;

// ---------- detail ----------
export const DETAIL_TITLE = '居民档案';
export const EDIT = '修改';
export const REVEAL = '查看完整号码';
export const REVEAL_CONFIRM = '查看完整身份证号？';
export const REVEAL_CONFIRM_TEXT = '查看操作会记入操作日志（谁、何时、查看了谁）。';
export const REVEAL_HIDE = '隐藏';
export const USE_FOR_INTAKE = '为其办理';
export const D_HOUSEHOLD = '户籍关系';
export const D_HEAD_OF = '户主';
export const D_MEMBERS = '家庭成员';
export const D_IS_HEAD = '本人为户主';
export const D_NO_HOUSEHOLD = '未关联';
export const D_NONE = '无';
export const D_PINYIN_MANUAL = '（已手工更正）';
export const D_CREATED = '登记时间';
export const D_UPDATED = '最近修改';
export const D_TAG_SINCE = (since: string) => `自 ${since}`;

// ---------- the record's history ----------
export const H_TITLE = '办事记录';
export const H_SEP = '　';
export const H_ITEMS = '代办事项';
export const H_NOTICES = '一次性告知书';
export const H_DOCUMENTS = '回执与单据';
export const H_NO_ITEMS = '尚未为其办理代办事项';
export const H_NO_NOTICES = '没有出具过一次性告知书';
export const H_NO_DOCUMENTS = '没有打印过回执或单据';
export const H_ACCEPTED = (at: string) => `受理 ${at}`;
export const H_PROMISED = (day: string) => `承诺 ${day} 前办结`;
export const H_COMPLETED = (at: string) => `办结 ${at}`;
export const H_MISSING = (n: number) => `缺 ${n} 项材料`;
export const H_PRINTS = (n: number) => (n > 0 ? `已打印 ${n} 次` : '未打印');
export const H_TRUNCATED = '仅显示最近 200 条，更早的记录请在代办工作清单中查找';

// ---------- ledger ----------
export const L_TAGS = '类别';
export const L_TAGS_PH = '全部重点服务对象';
export const L_GRID = '网格';
export const L_GRID_ALL = '全部网格';
export const L_AGE = '年龄段';
export const L_AGE_BANDS: { key: string; label: string; min?: number; max?: number }[] = [
  { key: 'all', label: '不限' },
  { key: 'child', label: '0–17 岁', max: 17 },
  { key: 'adult', label: '18–59 岁', min: 18, max: 59 },
  { key: 'old', label: '60–79 岁', min: 60, max: 79 },
  { key: 'oldest', label: '80 岁及以上', min: 80 },
];
export const L_TOTAL = (n: number) => `共 ${n} 人`;
export const L_EMPTY = '没有符合条件的重点服务对象';
export const L_EXPORT = '导出 Excel';
export const L_EXPORT_FULL = '含完整身份证号';
export const L_EXPORT_FULL_HELP = '导出文件将包含完整身份证号，此操作记入操作日志，请妥善保管文件';
export const L_EXPORTED = (rows: number, path: string) => `已导出 ${rows} 人，文件已保存到 ${path}`;
export const L_TAG_SINCE = '认定日期';

// ---------- import ----------
export const I_INTRO = '从 Excel（.xlsx）或 CSV 文件批量导入居民。先预览，确认无误后一次性导入；任何一行有错误时不会导入任何数据。';
export const I_TEMPLATE = '下载导入模板';
export const I_CHOOSE = '选择文件';
export const I_CHOSEN = (name: string) => `已选择：${name}`;
export const I_PREVIEWING = '正在读取文件…';
export const I_SUMMARY = (total: number, created: number, existing: number, errors: number) => `共 ${total} 行：新居民 ${created} 人，已登记 ${existing} 人，有错误 ${errors} 行`;
export const I_IGNORED = (cols: string) => `以下列不会导入：${cols}`;
export const I_EXISTING = '已登记的居民（身份证号相同）';
export const I_SKIP = '跳过，不改动';
export const I_MATCH = '用文件内容补充更新（电话、住址、网格、备注，标签只增不删）';
export const I_COMMIT = (n: number) => `确认导入（${n} 行）`;
export const I_BLOCKED = '请先修改文件中标红的行，再重新选择文件';
export const I_DONE = (created: number, updated: number, skipped: number) => `导入完成：新登记 ${created} 人，更新 ${updated} 人，跳过 ${skipped} 人`;
export const I_ONLY_HEAD = '批量导入仅限站长、管理员或经站长授权的工作人员操作';
export const I_TOO_BIG = (mb: number) => `文件过大（上限 ${mb} MB），请拆分后分批导入`;
export const I_STATUS = { new: '新居民', existing: '已登记', error: '有错误' } as const;
export const I_COL_LINE = '行号';
export const I_COL_STATUS = '结果';
export const I_COL_ERRORS = '问题';
export const I_FILTER_ERRORS = '只看有错误的行';

export const KEY_TAG_COLORS: Record<KeyTag, string> = {
  空巢老人: 'orange',
  独居老人: 'volcano',
  残疾人: 'blue',
  低保: 'gold',
  特困: 'red',
  优抚对象: 'purple',
  留守儿童: 'cyan',
  重病: 'magenta',
};
