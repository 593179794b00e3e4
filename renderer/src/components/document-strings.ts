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

// Choosing the printer at the moment of printing (none chosen yet on this machine).
export const CHOOSE_TITLE = '本机尚未选择打印机';
export const CHOOSE_HELP = '请选择要使用的打印机：选定后本机以后都用它打印（可在 设置 → 本机设置 中更改）。';
export const CHOOSE_PLACEHOLDER = '选择打印机';
export const CHOOSE_OK = '使用此打印机并打印';
export const CHOOSE_LOADING = '正在读取本机的打印机…';
export const CHOOSE_NONE = '本机没有可用的打印机：请先在操作系统中添加打印机，或联系管理员。';
export const PRINTER_DEFAULT = '（系统默认）';
