/** 批量导入: what the screen says while a file is being read (issue 6 item 17). */
import type { ImportJobState } from '../../../../common/contracts/residents';

type Phase = Extract<ImportJobState, { state: 'running' }>['phase'] | 'uploading';

export const IMPORT_PHASE: Record<Phase, string> = {
  uploading: '正在打开文件…',
  reading: '正在读取表格…',
  checking: '正在逐行核对居民信息…',
};
export const IMPORT_ROWS_CHECKED = (done: number, total: number) => `已核对 ${done} / ${total} 行`;
export const IMPORT_WAIT_HINT = '文件较大，请稍候；读取期间可以继续办理其他业务。';
export const IMPORT_COMMITTING = '正在导入，请稍候…';
