/**
 * Minimal structured log to stderr. Callers pass only non-personal fields
 * (call names, ids, counts); inputs and records are never handed to it.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: 'info' | 'warn' | 'error', msg: string, fields?: Fields): void {
  if (process.env.STATIONDESK_QUIET === '1' && level === 'info') return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields });
  process.stderr.write(line + '\n');
}

export const log = {
  info: (msg: string, fields?: Fields) => write('info', msg, fields),
  warn: (msg: string, fields?: Fields) => write('warn', msg, fields),
  error: (msg: string, fields?: Fields) => write('error', msg, fields),
};

/**
 * An unexpected error, fit for the log: its kind and message with anything quoted and any
 * long run of digits taken out, since engine messages can echo the input
 * (JSON.parse: `"…" is not valid JSON`) and inputs may hold a 身份证号 or a phone number.
 */
export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const message = err.message
    .replace(/(["'`“‘])(?:(?!\1).)*\1/g, '$1…$1')
    .replace(/\d{5,}[\dXx]*/g, '#');
  return `${err.name}: ${message}`.slice(0, 300);
}
