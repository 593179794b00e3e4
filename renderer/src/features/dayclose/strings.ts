export const TITLE = '日结';
export const SUBTITLE = '当日业务核对与日结报表';
export const SUMMARY = '核对当日业务，打印日结报表';
export const HEADING = '日结';
export const TEXT = '每天下班前核对当日受理、办结和打印的各项业务，打印日结报表，并提交县级平台确认。';
export const POINTS = [
  { title: '当日核对', text: '按工作人员和业务类别列出当天的受理、办结和补打记录。' },
  { title: '日结报表', text: '生成并打印日结报表，由站长签字留存。' },
  { title: '县级确认', text: '日结汇总提交县级平台，收到确认后当天的记录即告完整。' },
] as const;
