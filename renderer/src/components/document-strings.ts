/** Words of the printed-document preview (DocumentPreview.tsx). */
export const PREVIEW_TITLE = '单据预览';
export const PREVIEW_LOADING = '正在打开单据…';
export const PREVIEW_FRAME_TITLE = '单据 PDF 预览';
export const PRINT = '打印';
export const REPRINT = '补打';
export const CLOSE = '关闭';
export const ESC_HINT = '按 Esc 关闭';

export function printedText(r: { printer: string; jobId: string | null; reprint: boolean; reprintNo: number | null }): string {
  const what = r.reprint ? `补打（第 ${r.reprintNo ?? 1} 次）` : '单据';
  return `已将${what}发送到打印机“${r.printer}”${r.jobId ? `（任务 ${r.jobId}）` : ''}`;
}

export function printCountText(n: number): string {
  return n === 0 ? '尚未打印' : `已打印 ${n} 份（含补打 ${n - 1} 份）`;
}
