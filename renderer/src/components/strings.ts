/** Words shared by the shell and components (DESIGN.md §8). */
export const GENERIC_ERROR = '操作未完成，请重试；如仍失败请联系管理员';

export const BOUNDARY_TITLE = '这一页暂时无法显示';
export const BOUNDARY_TEXT = '已保存的数据不受影响。请点击“重新加载”继续工作；如反复出现，请联系管理员。';
export const BOUNDARY_RELOAD = '重新加载';
export const BOUNDARY_RETRY = '返回重试';

export const UNAVAILABLE_TITLE = '无法连接到本机服务';
export const UNAVAILABLE_HINT = '请关闭本窗口，重新启动 StationDesk 后再试；如仍无法使用，请联系技术支持。';
export const UNAVAILABLE_RETRY = '重新连接';
export const LOADING = '正在启动…';

export const FORM_SAVE = '保存';
export const FORM_CANCEL = '取消';
export const FORM_RESET = '恢复';
export const READ_ONLY_NOTE = '您当前的角色只能查看，如需修改请联系站长或管理员。';

export const COMING_BADGE = '此功能正在建设中，将在后续版本中开放';

// ---------- leaving a form with changes ----------
export const DISCARD_TITLE = '放弃未保存的内容？';
export const DISCARD_TEXT = '已填写的内容尚未保存，关闭后将丢失。';
export const DISCARD_OK = '放弃并关闭';
export const DISCARD_KEEP = '继续填写';
