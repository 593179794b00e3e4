export const TITLE = '微心愿';
export const SUBTITLE = '心愿登记、认领与圆梦';
export const SUMMARY = '登记、发布居民心愿，记录认领与交接';
export const HEADING = '微心愿';
export const TEXT = '登记居民的微心愿并在心愿墙发布，记录个人或单位（一方或多方）认领，打印认领凭证和圆梦交接单，直至圆梦并留存凭证与回访。';
export const POINTS = [
  { title: '登记发布', text: '记录心愿内容和困难情况，审核后发布到心愿墙。' },
  { title: '认领交接', text: '记录认领人或认领单位，打印认领凭证和圆梦交接单。' },
  { title: '圆梦回访', text: '留存交接照片等凭证，登记回访情况后标记为已圆梦。' },
] as const;
