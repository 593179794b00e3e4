/** Words of the 服务清单 tab and the item picker (DESIGN.md §8: one strings module per feature). */
import type { TimeLimitUnit } from '../../../../common/catalogue';

export const TAB_TITLE = '服务清单';
export const ALL = '全部';
export const SEARCH_PH = '按名称、编码或拼音首字母筛选';
export const FORWARDED_FILTER = '转报县级';
export const FORWARDED_ANY = '不限';
export const FORWARDED_YES = '转报县级';
export const FORWARDED_NO = '本站办理';
export const SHOW_RETIRED = '显示已停用';
export const REFRESH = '刷新';
export const ADD = '新增事项';
export const VERSIONS = '版本记录';
export const CURRENT_VERSION = '当前版本';
export const VIEWING_VERSION = '正在查看历史版本';
export const BACK_TO_CURRENT = '返回当前版本';
export const HISTORY_READ_ONLY = '历史版本只能查看，不能修改。';
export const COUNT = (n: number) => `共 ${n} 项`;
export const EMPTY = '没有符合条件的事项';
export const EMPTY_SEARCH = '没有找到相关事项，可换用名称中的字词、编码或拼音首字母再试';
export const LOAD_FAILED = '服务清单加载失败';
export const RETRY = '重试';
export const READ_ONLY_NOTE = '服务清单由站长或管理员维护；如需调整，请联系站长。';

// columns and details
export const COL_CODE = '编码';
export const COL_NAME = '事项名称';
export const COL_CATEGORY = '类别';
export const COL_DEPARTMENT = '责任部门';
export const COL_LIMIT = '承诺时限';
export const COL_FORWARDED = '转报';
export const COL_MATERIALS = '材料';
export const MATERIALS_COUNT = (n: number) => `${n} 项`;
export const YES = '是';
export const NO = '否';
export const RETIRED = '已停用';
export const DETAIL_TITLE = (code: string, name: string) => `${code} ${name}`;
export const DETAIL_MATERIALS = '所需材料';
export const DETAIL_NOTES = '备注';
export const DETAIL_VERSION = '修订于';
export const DETAIL_VERSION_TEXT = (v: number, at: string) => `第 ${v} 版 · ${at}`;
export const DETAIL_RETIRED_REASON = '停用原因';
export const DETAIL_FORWARDED_YES = '是，转报县级部门办理';
export const DETAIL_FORWARDED_NO = '否，本站办理';
export const EDIT = '修改';
export const RETIRE = '停用';
export const RESTORE = '恢复';
export const RESTORE_CONFIRM = (name: string) => `恢复事项“${name}”？`;
export const RESTORE_CONFIRM_TEXT = '恢复后窗口可再次按此事项受理。';
export const CANCEL = '取消';

// form
export const FORM_ADD_TITLE = '新增服务事项';
export const FORM_EDIT_TITLE = (code: string) => `修改服务事项 ${code}`;
export const FORM_EDIT_NOTE = '保存后生成新的清单版本；已受理的事项仍按受理时的版本办理。';
export const F_CODE = '事项编码';
export const F_CODE_PH = '留空则按类别自动编号，如 DB-013';
export const F_NAME = '事项名称';
export const F_CATEGORY = '事项类别';
export const F_DEPARTMENT = '责任部门';
export const F_DEPARTMENT_PH = '如 县民政局';
export const F_MATERIALS = '所需材料';
export const F_MATERIAL_PH = (i: number) => `第 ${i} 项材料，如 居民身份证原件及复印件`;
export const F_MATERIAL_ADD = '添加一项材料';
/** what nearly every item asks for, so a new item's list starts with it */
export const DEFAULT_MATERIAL = '居民身份证原件及复印件';
export const F_MATERIAL_REMOVE = '删除这项材料';
export const F_LIMIT = '承诺时限';
export const F_LIMIT_VALUE_PH = '数值';
export const F_FORWARDED = '转报县级';
export const F_FORWARDED_HELP = '审核转报类必须转报；可直接办结类不转报。';
export const F_NOTES = '备注';
export const F_NOTES_PH = '办理条件、注意事项等（选填）';
export const SAVED_ADD = (code: string) => `已新增事项 ${code}`;
export const SAVED_EDIT = '已保存，清单已更新为新版本';
export const UNCHANGED = '内容没有变化，未生成新版本';

export const TIME_UNIT_OPTIONS: { value: TimeLimitUnit; label: string }[] = [
  { value: 'workdays', label: '个工作日' },
  { value: 'hours', label: '小时' },
  { value: 'immediate', label: '当场办结' },
];

// retire
export const RETIRE_TITLE = (name: string) => `停用事项：${name}`;
export const RETIRE_NOTE = '停用后窗口不能再受理此事项；已受理的记录和历史版本不受影响，以后可以恢复。';
export const RETIRE_REASON = '停用原因';
export const RETIRE_REASON_PH = '如 县级已取消此事项';
export const RETIRED_OK = (name: string) => `已停用“${name}”`;
export const RESTORED_OK = (name: string) => `已恢复“${name}”`;

// versions
export const VERSIONS_TITLE = '清单版本记录';
export const V_NO = '版本';
export const V_LABEL = '版本号';
export const V_SOURCE = '来源';
export const V_PUBLISHED = '发布日期';
export const V_SUMMARY = '内容';
export const V_COUNT = '事项数';
export const V_BY = '操作人';
export const V_VIEW = '查看';
export const V_SYSTEM = '系统';
export const VERSION_NO = (v: number) => `第 ${v} 版`;

// picker
export const PICKER_PH = '输入事项名称、编码或拼音首字母，如 gljt';
export const PICKER_LABEL = '选择服务事项';
export const PICKER_HINT = '↑↓ 选择，Enter 确定，Esc 清空';
export const PICKER_LOADING = '正在加载服务清单…';
export const PICKER_NONE = '没有找到相关事项';

// ---- 办理条件 (warned at intake, never enforced) ----
export const F_CONDITIONS = '办理条件';
export const F_CONDITIONS_HELP = '受理时不符合的会提示窗口人员核实，但不阻止受理；提示和“仍予受理”会记录在事项中。';
export const F_MIN_AGE = '最低年龄（周岁）';
export const F_MAX_AGE = '最高年龄（周岁）';
export const F_AGE_PH = '不限';
export const F_TAGS = '须为重点服务对象';
export const F_TAGS_PH = '不限（可选多类，符合其一即可）';
export const F_RESIDENCE = '须居住在本站辖区（已登记所属网格）';
export const DETAIL_CONDITIONS = '办理条件';
export const DETAIL_CONDITIONS_NONE = '无';
