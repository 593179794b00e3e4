export const TITLE = '同步';
export const SUBTITLE = '与县级平台的数据交换';
export const SUMMARY = '查看上报与接收情况';
export const HEADING = '县级平台同步';
export const TEXT = '县级平台可连接时，本站的每一项变更都会自动上报且只上报一次，县级的审批结果和事项目录更新会自动接收；在此查看待上报、已接收的记录和需要处理的冲突。';
export const POINTS = [
  { title: '自动上报', text: '断网期间照常办理，网络恢复后按顺序补报，不丢失、不重复。' },
  { title: '接收结果', text: '县级的审批决定、办理结果和目录更新自动写入本站。' },
  { title: '冲突处理', text: '本站与县级记录不一致时保留双方内容，提示人工核对。' },
] as const;
