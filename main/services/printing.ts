/**
 * Hands a PDF file to the operating system's print path (DESIGN.md §6): CUPS `lp` on Linux
 * and macOS, SumatraPDF (or the shell's PrintTo verb) on Windows, to the printer chosen in
 * 本机设置. Runs in main, so Electron and browser mode print the same way.
 *
 * Programs are started with execFile (no shell) and a timeout; what they say on failure is
 * passed on inside a Chinese sentence, never as a stack trace.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import type { PrinterList } from '../../common/contracts/documents';
import type { ServiceContext } from '../context';
import { cupsOptions, pageSizeOf, parsePageSizes, sumatraSettings, type PageSize } from './print-media';

export interface PrintJob {
  printer: string;
  /** CUPS job id ("StationPDF-12"); null where the print path gives none */
  jobId: string | null;
}

export interface PrintingOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** SumatraPDF.exe on Windows; found by itself when not given */
  sumatraPath?: string | null;
}

export const NO_PRINTER_MESSAGE = '尚未选择打印机：请在 设置 → 本机设置 中选择';

/** The printer field is what is missing: the preview offers the printer list right there. */
export function noPrinter(): AppError {
  return new AppError('UNAVAILABLE', NO_PRINTER_MESSAGE, { printer: '尚未选择打印机' });
}

interface ExecResult {
  stdout: string;
  stderr: string;
}

/** Why a program did not do its job, in the terms the messages need. */
class ExecFailure extends Error {
  constructor(
    readonly kind: 'not-found' | 'timeout' | 'failed',
    readonly stderr: string,
  ) {
    super(kind);
  }
}

function run(cmd: string, args: string[], opts: { timeoutMs: number; env: NodeJS.ProcessEnv }): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: opts.timeoutMs, env: opts.env, windowsHide: true, maxBuffer: 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) return resolve({ stdout, stderr });
      const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
      if (e.code === 'ENOENT') return reject(new ExecFailure('not-found', ''));
      if (e.killed || e.signal === 'SIGTERM') return reject(new ExecFailure('timeout', stderr));
      reject(new ExecFailure('failed', stderr || stdout));
    });
  });
}

/** The print system's own words, one line, without the program name in front. */
function reasonOf(stderr: string): string {
  const line = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return (line ?? '未给出原因').replace(/^(lp|lpstat|SumatraPDF):\s*/i, '').slice(0, 200);
}

function cupsMessage(f: ExecFailure, printer: string, timeoutMs: number): string {
  if (f.kind === 'not-found') return '本机没有安装打印服务（找不到 lp 命令）：请联系管理员安装 CUPS';
  if (f.kind === 'timeout') return `打印服务在 ${Math.round(timeoutMs / 1000)} 秒内没有响应：请检查打印机是否开机、连接是否正常后重试`;
  const reason = reasonOf(f.stderr);
  if (/does not exist|not found|unknown destination/i.test(reason)) return `打印机“${printer}”不存在或已被删除：请在 设置 → 本机设置 中重新选择（系统提示：${reason}）`;
  if (/not accepting/i.test(reason)) return `打印机“${printer}”已暂停接收任务：请在系统的打印机设置中恢复后重试（系统提示：${reason}）`;
  if (/unable to connect|scheduler is not running|connection refused|bad file descriptor/i.test(reason)) return `本机打印服务（CUPS）没有运行：请重新启动电脑或联系管理员（系统提示：${reason}）`;
  return `打印未完成：打印机“${printer}”没有接收这份单据（系统提示：${reason}）`;
}

function hasControl(s: string): boolean {
  return [...s].some((c) => c.charCodeAt(0) < 0x20);
}

export function createPrinting(ctx: Pick<ServiceContext, 'machine' | 'resourcesDir'>, opts: PrintingOptions = {}) {
  const platform = opts.platform ?? process.platform;
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const baseEnv = opts.env ?? process.env;
  // CUPS answers in the C locale, so its reasons can be recognised; the clerk gets Chinese from us.
  const cupsEnv = { ...baseEnv, LC_ALL: 'C', LANG: 'C' };

  function chosenPrinter(): string {
    const printer = ctx.machine.get().printer.trim();
    if (!printer) throw noPrinter();
    return printer;
  }

  /** What the queue's driver says it takes; null when CUPS cannot tell (e.g. a driverless queue). */
  async function offeredSizes(printer: string): Promise<ReturnType<typeof parsePageSizes>> {
    try {
      return parsePageSizes((await run('lpoptions', ['-p', printer, '-l'], { timeoutMs, env: cupsEnv })).stdout);
    } catch {
      return null;
    }
  }

  async function cupsPrint(file: string, title: string, printer: string, page: PageSize | null): Promise<PrintJob> {
    const options = cupsOptions(page, page ? await offeredSizes(printer) : null, printer);
    try {
      const { stdout } = await run('lp', ['-d', printer, '-t', title, ...options, file], { timeoutMs, env: cupsEnv });
      const m = /request id is (\S+)/i.exec(stdout);
      return { printer, jobId: m ? m[1]! : null };
    } catch (err) {
      if (err instanceof ExecFailure) throw new AppError('UNAVAILABLE', cupsMessage(err, printer, timeoutMs));
      throw err;
    }
  }

  async function cupsList(): Promise<Omit<PrinterList, 'selected'>> {
    try {
      const { stdout } = await run('lpstat', ['-e'], { timeoutMs, env: cupsEnv });
      const names = stdout.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      let def: string | null = null;
      try {
        const d = await run('lpstat', ['-d'], { timeoutMs, env: cupsEnv });
        def = /destination:\s*(\S+)/.exec(d.stdout)?.[1] ?? null;
      } catch {
        // no default is an answer too
      }
      return { printers: names.map((name) => ({ name, isDefault: name === def })), problem: null };
    } catch (err) {
      if (!(err instanceof ExecFailure)) throw err;
      const reason = reasonOf(err.stderr);
      // lpstat -e with no queue at all is not an error worth showing.
      if (err.kind === 'failed' && /no destinations added/i.test(reason)) return { printers: [], problem: null };
      return { printers: [], problem: `无法读取打印机列表：${cupsMessage(err, '', timeoutMs)}` };
    }
  }

  function sumatra(): string | null {
    if (opts.sumatraPath !== undefined) return opts.sumatraPath && fs.existsSync(opts.sumatraPath) ? opts.sumatraPath : null;
    const candidates = [
      baseEnv.STATIONDESK_SUMATRA,
      path.join(ctx.resourcesDir, 'tools', 'SumatraPDF.exe'),
      baseEnv.ProgramFiles && path.win32.join(baseEnv.ProgramFiles, 'SumatraPDF', 'SumatraPDF.exe'),
      baseEnv.LOCALAPPDATA && path.win32.join(baseEnv.LOCALAPPDATA, 'SumatraPDF', 'SumatraPDF.exe'),
    ];
    return candidates.find((c): c is string => typeof c === 'string' && c.length > 0 && fs.existsSync(c)) ?? null;
  }

  async function windowsPrint(file: string, printer: string, page: PageSize | null): Promise<PrintJob> {
    const exe = sumatra();
    try {
      if (exe) {
        // noscale: an 80 mm receipt must come out at 80 mm, not fitted to the driver's page.
        // Not tried on Windows yet: no Windows machine or SumatraPDF in our test set-up.
        await run(exe, ['-print-to', printer, '-print-settings', sumatraSettings(page), '-silent', file], { timeoutMs, env: baseEnv });
      } else {
        // Whatever PDF program is registered for the PrintTo verb; the values travel in the
        // environment so nothing in them is parsed as PowerShell.
        const script = "Start-Process -FilePath $env:SD_FILE -Verb PrintTo -ArgumentList ('\"' + $env:SD_PRINTER + '\"') -WindowStyle Hidden";
        await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], { timeoutMs, env: { ...baseEnv, SD_FILE: file, SD_PRINTER: printer } });
      }
      return { printer, jobId: null };
    } catch (err) {
      if (!(err instanceof ExecFailure)) throw err;
      if (err.kind === 'timeout') throw new AppError('UNAVAILABLE', `打印程序在 ${Math.round(timeoutMs / 1000)} 秒内没有完成：请检查打印机后重试`);
      if (!exe) throw new AppError('UNAVAILABLE', `没有可用的 PDF 打印程序：请安装 SumatraPDF 后重试（系统提示：${reasonOf(err.stderr)}）`);
      throw new AppError('UNAVAILABLE', `打印未完成：打印机“${printer}”没有接收这份单据（系统提示：${reasonOf(err.stderr)}）`);
    }
  }

  async function windowsList(): Promise<Omit<PrinterList, 'selected'>> {
    try {
      const script = "Get-CimInstance Win32_Printer | ForEach-Object { '{0}|{1}' -f $_.Default, $_.Name }";
      const { stdout } = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], { timeoutMs, env: baseEnv });
      const printers = stdout
        .split(/\r?\n/)
        .map((l) => /^(True|False)\|(.+)$/.exec(l.trim()))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ name: m[2]!, isDefault: m[1] === 'True' }));
      return { printers, problem: null };
    } catch (err) {
      if (!(err instanceof ExecFailure)) throw err;
      return { printers: [], problem: `无法读取打印机列表（系统提示：${reasonOf(err.stderr)}）` };
    }
  }

  return {
    /** Sends the file to the chosen printer; resolves once the print system has accepted the job. */
    async printFile(file: string, title: string): Promise<PrintJob> {
      const printer = chosenPrinter();
      if (hasControl(printer)) throw new AppError('UNAVAILABLE', `打印机名称“${printer}”无效：请在 设置 → 本机设置 中重新选择`);
      // The job title shows in the system's queue: kept to the form and its number, no names.
      const safeTitle = [...title].map((c) => (hasControl(c) ? ' ' : c)).join('').slice(0, 120);
      // The job carries its own paper size, read from the PDF (print-media.ts).
      let page: PageSize | null = null;
      try {
        page = pageSizeOf(fs.readFileSync(file));
      } catch {
        // unreadable here means lp will say so in its own words
      }
      return platform === 'win32' ? windowsPrint(file, printer, page) : cupsPrint(file, safeTitle, printer, page);
    },

    async listPrinters(): Promise<PrinterList> {
      const found = platform === 'win32' ? await windowsList() : await cupsList();
      return { ...found, selected: ctx.machine.get().printer };
    },
  };
}

export type Printing = ReturnType<typeof createPrinting>;
