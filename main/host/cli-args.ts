/**
 * The browser-mode host's command line: what it accepts, and what it says when asked
 * (--help) or given something it does not know. No stack trace ever reaches the person
 * who typed the command.
 */
import { parseArgs } from 'node:util';

export const USAGE = `用法：node dist/main/host.js [选项]

以浏览器模式启动 StationDesk：在本机 127.0.0.1 上提供界面与接口。
不加 --open 时打印一个一次性的打开地址（几分钟内有效，只能用一次）；访问令牌不会打印。

选项：
  --port <端口>        监听的端口（0 表示随机空闲端口；默认 0，或环境变量 STATIONDESK_PORT）
  --data-dir <目录>    数据目录（默认按操作系统选择，或环境变量 STATIONDESK_DATA_DIR）
  --open               启动后用本机的 Chromium 内核浏览器（Edge、Chrome、Chromium）以应用模式打开
                       （以 root 身份运行时不自动打开：浏览器须关闭沙箱才能以 root 运行）
  --print-token        另外打印一个脚本用的访问令牌（请求头 x-station-token）；
                       持有它即可以当前登录者的身份调用接口，仅供自动化测试使用，切勿外传
  -h, --help           显示本说明
`;

export type CliArgs =
  | { kind: 'help' }
  | { kind: 'error'; message: string }
  | { kind: 'run'; port: number; dataDir: string | undefined; open: boolean; printToken: boolean };

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliArgs {
  let values: { port?: string | undefined; 'data-dir'?: string | undefined; open?: boolean | undefined; 'print-token'?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        open: { type: 'boolean' },
        'print-token': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return { kind: 'error', message: describeParseError(err) };
  }
  if (values.help) return { kind: 'help' };
  const portText = values.port ?? env.STATIONDESK_PORT ?? '0';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!Number.isInteger(port) || port > 65535) return { kind: 'error', message: `端口号无效：${portText}（应为 0–65535 的整数）` };
  const dataDir = values['data-dir']?.trim();
  if (values['data-dir'] !== undefined && !dataDir) return { kind: 'error', message: '--data-dir 需要一个目录' };
  return { kind: 'run', port, dataDir, open: values.open ?? false, printToken: values['print-token'] ?? false };
}

/** node:util's parse errors are English and carry a code; say the same thing in Chinese. */
function describeParseError(err: unknown): string {
  const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : '';
  const option = err instanceof Error ? (/'([^']+)'/.exec(err.message)?.[1] ?? '') : '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项：${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${option.split(' ')[0] ?? option} 的值缺失或无效`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `无法识别的参数：${option}`;
    default:
      return '命令行参数无效';
  }
}
