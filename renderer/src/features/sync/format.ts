/**
 * How the 同步 area and the status bar put the sync state into words: ages and instants in
 * plain Chinese, errors that are always a sentence for a clerk. Pure: `now` is passed in.
 */
import { SYNC_STATE_LABELS, type SyncState, type SyncStatus } from '../../../../common/contracts/sync';
import { formatTime, stationDate } from '../../../../common/time';
import * as S from './strings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 125 minutes → "2 小时 5 分"; rounds down, so a clerk is never told more than has passed. */
export function durationText(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return S.LESS_THAN_A_MINUTE;
  if (ms < HOUR) return S.MINUTES(Math.floor(ms / MINUTE));
  if (ms < DAY) return S.HOURS(Math.floor(ms / HOUR), Math.floor((ms % HOUR) / MINUTE));
  return S.DAYS(Math.floor(ms / DAY), Math.floor((ms % DAY) / HOUR));
}

function ms(at: string | null | undefined): number | null {
  if (!at) return null;
  const t = new Date(at).getTime();
  return Number.isNaN(t) ? null : t;
}

/** "最早一条已等待 2 小时 5 分", or null when nothing waits. */
export function waitingText(oldestPendingAt: string | null, now: number): string | null {
  const t = ms(oldestPendingAt);
  return t === null ? null : S.OLDEST_WAITING(durationText(now - t));
}

/** "今天 14:05" / "昨天 09:30" / "11月27日 14:05" / "2025年11月27日 14:05", in the station's day. */
export function dayAndTime(at: number, now: number): string {
  const day = stationDate(new Date(at));
  const time = formatTime(new Date(at));
  if (day === stationDate(new Date(now))) return `${S.TODAY} ${time}`;
  if (day === stationDate(new Date(now - DAY))) return `${S.YESTERDAY} ${time}`;
  const [y, m, d] = day.split('-');
  const md = `${Number(m)}月${Number(d)}日`;
  return y === stationDate(new Date(now)).slice(0, 4) ? `${md} ${time}` : `${y}年${md} ${time}`;
}

/** A past instant: "今天 14:05（12 分钟前）"; null for never. */
export function pastText(at: string | null, now: number): string | null {
  const t = ms(at);
  if (t === null) return null;
  const age = now - t;
  const ago = age < MINUTE ? S.JUST_NOW : S.AGO(durationText(age));
  return `${dayAndTime(t, now)}（${ago}）`;
}

/** A coming instant: "14:07（约 2 分钟后）"; "即将开始" once it is due. */
export function comingText(at: string | null, now: number): string | null {
  const t = ms(at);
  if (t === null) return null;
  if (t - now < MINUTE) return S.NEXT_SOON;
  return `${dayAndTime(t, now)}（${S.IN(durationText(t - now))}）`;
}

const CJK = /[\u3400-\u9fff]/;
const STACK = /\n\s+at\s|\bError:|^\w*Error\b|ECONN|ETIMEDOUT|ENOTFOUND|\{|\}/;

/**
 * The worker stores its last failure in Chinese. Should anything else reach the screen (a
 * code, an English message, a stack), the clerk reads a sentence instead of it.
 */
export function plainError(message: string | null): string | null {
  if (message === null) return null;
  const text = message.trim();
  if (text === '') return null;
  if (!CJK.test(text) || STACK.test(text)) return S.ERROR_GENERIC;
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/** The last error with the day and time it happened: "连接县级平台超时（今天 14:05）". */
export function errorLine(status: Pick<SyncStatus, 'lastError' | 'lastErrorAt'>, now: number): string | null {
  const text = plainError(status.lastError);
  if (text === null) return null;
  const t = ms(status.lastErrorAt);
  return t === null ? text : S.ERROR_AT(text, dayAndTime(t, now));
}

/** Past a few minutes the county's clock and ours disagree enough to show on receipts. */
export const SKEW_LIMIT_SECONDS = 5 * 60;

/** The warning's first sentence when the clocks differ by more than SKEW_LIMIT_SECONDS, else null. */
export function skewText(clockSkewSeconds: number | null): string | null {
  if (clockSkewSeconds === null || !Number.isFinite(clockSkewSeconds)) return null;
  if (Math.abs(clockSkewSeconds) <= SKEW_LIMIT_SECONDS) return null;
  const d = durationText(Math.abs(clockSkewSeconds) * 1000);
  // skew = county − station: a positive skew means the station is behind
  return clockSkewSeconds > 0 ? S.SKEW_BEHIND(d) : S.SKEW_AHEAD(d);
}

export type Tone = 'ok' | 'busy' | 'warn' | 'idle' | 'bad';

export const STATE_TONE: Record<SyncState, Tone> = {
  online: 'ok',
  syncing: 'busy',
  offline: 'warn',
  unenrolled: 'idle',
  reenroll: 'bad',
};

export function stateLabel(state: SyncState): string {
  return SYNC_STATE_LABELS[state];
}

/** The status bar's words: "已连接", "离线 · 待上报 12". */
export function barText(status: Pick<SyncStatus, 'state' | 'pending'> | null): string {
  if (!status) return S.BAR_UNKNOWN;
  const label = stateLabel(status.state);
  return status.pending > 0 ? `${label} · ${S.BAR_PENDING(status.pending)}` : label;
}

/** 0–100 for the progress bar while a backlog goes out, or null when none is going. */
export function progressPercent(progress: SyncStatus['progress']): number | null {
  if (!progress || progress.total <= 0) return null;
  return Math.min(100, Math.max(0, Math.floor((progress.sent / progress.total) * 100)));
}
