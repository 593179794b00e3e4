// @vitest-environment jsdom
/**
 * The 同步 area's words and its enrollment form: ages, instants and errors in plain Chinese
 * (pure, with a fixed "now"), the form's checks with the contract's rules, and the area and
 * status bar against a real station (main's dispatch over a real SQLite file as the bridge).
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import Database from 'better-sqlite3';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, type StationBridge } from '../../common/bridge';
import { CALL_NAMES } from '../../common/contract';
import { dispatch } from '../../main/dispatch';
import { EnrollForm } from '../../renderer/src/features/sync/EnrollForm';
import { SyncPage } from '../../renderer/src/features/sync/SyncPage';
import { useSync } from '../../renderer/src/features/sync/data';
import { ConflictList, RejectedList } from '../../renderer/src/features/sync/ProblemLists';
import { StatusPanel } from '../../renderer/src/features/sync/StatusPanel';
import type { SyncStatus } from '../../common/contracts/sync';
import {
  barText,
  comingText,
  dayAndTime,
  durationText,
  errorLine,
  pastText,
  plainError,
  progressPercent,
  skewText,
  waitingText,
} from '../../renderer/src/features/sync/format';
import { StatusBar } from '../../renderer/src/shell/StatusBar';
import { useApp } from '../../renderer/src/stores/app';
import { useNav } from '../../renderer/src/stores/nav';
import { ADMIN, setUpStation } from '../helpers/station';
import { addStaff } from '../helpers/staff';
import { stubMatchMedia } from '../helpers/jsdom';

const MIN = 60_000;
const HOUR = 60 * MIN;
// 2026-11-27 15:30 at the station (UTC+8); fixed, never the machine's clock
const NOW = Date.parse('2026-11-27T07:30:00.000Z');
const before = (ms: number) => new Date(NOW - ms).toISOString();

describe('ages and instants', () => {
  it('says how long in hours and minutes, rounding down', () => {
    expect(durationText(0)).toBe('不到 1 分钟');
    expect(durationText(59_999)).toBe('不到 1 分钟');
    expect(durationText(MIN)).toBe('1 分钟');
    expect(durationText(59 * MIN + 59_000)).toBe('59 分钟');
    expect(durationText(HOUR)).toBe('1 小时');
    expect(durationText(2 * HOUR + 5 * MIN + 40_000)).toBe('2 小时 5 分');
    expect(durationText(26 * HOUR + 5 * MIN)).toBe('1 天 2 小时');
    expect(durationText(48 * HOUR)).toBe('2 天');
    // a pending event stamped ahead of this window's clock is not "waiting -3 minutes"
    expect(durationText(-3 * MIN)).toBe('不到 1 分钟');
    expect(durationText(Number.NaN)).toBe('不到 1 分钟');
  });

  it('names the oldest pending event by its wait', () => {
    expect(waitingText(before(2 * HOUR + 5 * MIN), NOW)).toBe('最早一条已等待 2 小时 5 分');
    expect(waitingText(null, NOW)).toBeNull();
    expect(waitingText('not a date', NOW)).toBeNull();
  });

  it('puts instants in the station day: 今天, 昨天, a date, a year', () => {
    expect(dayAndTime(NOW - 30 * MIN, NOW)).toBe('今天 15:00');
    // 2026-11-26 23:50 at the station is 15:50 UTC: yesterday there, though "today" in UTC
    expect(dayAndTime(Date.parse('2026-11-26T15:50:00Z'), NOW)).toBe('昨天 23:50');
    // and just after midnight at the station is already today
    expect(dayAndTime(Date.parse('2026-11-26T16:05:00Z'), NOW)).toBe('今天 00:05');
    expect(dayAndTime(Date.parse('2026-11-20T02:00:00Z'), NOW)).toBe('11月20日 10:00');
    expect(dayAndTime(Date.parse('2025-12-31T02:00:00Z'), NOW)).toBe('2025年12月31日 10:00');
  });

  it('says when the last success was and when the next try comes', () => {
    expect(pastText(before(12 * MIN), NOW)).toBe('今天 15:18（12 分钟前）');
    expect(pastText(before(10_000), NOW)).toBe('今天 15:29（刚刚）');
    expect(pastText(null, NOW)).toBeNull();
    expect(comingText(new Date(NOW + 2 * MIN + 10_000).toISOString(), NOW)).toBe('今天 15:32（约 2 分钟后）');
    expect(comingText(new Date(NOW + 20_000).toISOString(), NOW)).toBe('即将开始');
    expect(comingText(before(5 * MIN), NOW)).toBe('即将开始');
    expect(comingText(null, NOW)).toBeNull();
  });
});

describe('errors', () => {
  it('shows the worker\'s Chinese sentence with its day and time', () => {
    expect(errorLine({ lastError: '连接县级平台超时，将自动重试', lastErrorAt: before(3 * MIN) }, NOW)).toBe('连接县级平台超时，将自动重试（今天 15:27）');
    expect(errorLine({ lastError: '县级平台暂时无法处理（500）', lastErrorAt: null }, NOW)).toBe('县级平台暂时无法处理（500）');
    expect(errorLine({ lastError: null, lastErrorAt: before(MIN) }, NOW)).toBeNull();
    expect(errorLine({ lastError: '   ', lastErrorAt: null }, NOW)).toBeNull();
  });

  it('never puts a code, an English message or a stack on the screen', () => {
    const generic = '同步失败，详细原因已记入本机日志；如反复出现请联系管理员';
    expect(plainError('ECONNREFUSED 127.0.0.1:8443')).toBe(generic);
    expect(plainError('TypeError: fetch failed\n    at node:internal/deps/undici')).toBe(generic);
    expect(plainError('同步失败：TypeError: x is undefined\n    at push (sync.js:1:2)')).toBe(generic);
    expect(plainError('{"code":"BAD_TOKEN"}')).toBe(generic);
    expect(plainError('县级平台拒绝了本站的凭据，请重新登记')).toBe('县级平台拒绝了本站的凭据，请重新登记');
    const long = '县'.repeat(300);
    expect(plainError(long)!.length).toBe(160);
    expect(plainError(long)!.endsWith('…')).toBe(true);
  });
});

describe('clock skew, progress and the status bar line', () => {
  it('warns only past five minutes, saying which clock is ahead', () => {
    expect(skewText(null)).toBeNull();
    expect(skewText(300)).toBeNull();
    expect(skewText(-300)).toBeNull();
    // county minus station: positive means the station's clock is behind
    expect(skewText(301)).toBe('本机时钟比县级平台慢 5 分钟。');
    expect(skewText(-(2 * 3600 + 5 * 60))).toBe('本机时钟比县级平台快 2 小时 5 分。');
  });

  it('counts a backlog going out in whole percent', () => {
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent({ sent: 0, total: 0 })).toBeNull();
    expect(progressPercent({ sent: 333, total: 1000 })).toBe(33);
    expect(progressPercent({ sent: 1200, total: 1000 })).toBe(100);
  });

  it('puts the state and the pending count in a few characters', () => {
    expect(barText(null)).toBe('同步状态未知');
    expect(barText({ state: 'online', pending: 0 })).toBe('已连接');
    expect(barText({ state: 'offline', pending: 1234 })).toBe('离线 · 待上报 1,234');
    expect(barText({ state: 'unenrolled', pending: 3 })).toBe('未登记 · 待上报 3');
    expect(barText({ state: 'reenroll', pending: 0 })).toBe('需重新登记');
  });
});

// --- components

let station: Awaited<ReturnType<typeof setUpStation>>;
const CLERK = { name: '李娜', login: 'lina', role: 'clerk' as const, password: 'Counter123' };
const enrollCalls: unknown[] = [];
let enrollAnswer: ((input: unknown) => Promise<unknown>) | null = null;
/** answers in place of main's, for lists a fresh station cannot have (rejected events, conflicts) */
const answers: Record<string, (input: unknown) => Promise<unknown>> = {};

beforeAll(async () => {
  stubMatchMedia();
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (el: Element) => computed(el);
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  station = await setUpStation();
  const bridge: Record<string, (input: unknown) => Promise<unknown>> = Object.fromEntries(
    CALL_NAMES.map((name) => [name, (input: unknown) => (answers[name] ? answers[name](input) : dispatch(station.calls, name, input))]),
  );
  const real = bridge['sync.enroll']!;
  bridge['sync.enroll'] = (input) => {
    enrollCalls.push(input);
    return enrollAnswer ? enrollAnswer(input) : real(input);
  };
  window[BRIDGE_KEY] = bridge as unknown as StationBridge;
  await useApp.getState().load();
});

afterAll(() => station.close());
afterEach(() => {
  cleanup();
  enrollCalls.length = 0;
  enrollAnswer = null;
  for (const k of Object.keys(answers)) delete answers[k];
});

function wrap(node: ReactNode) {
  return render(
    <ConfigProvider locale={zhCN}>
      <AntApp>{node}</AntApp>
    </ConfigProvider>,
  );
}

async function submitWith(url: string, code: string) {
  fireEvent.change(screen.getByTestId('sync-enroll-url'), { target: { value: url } });
  fireEvent.change(screen.getByTestId('sync-enroll-code'), { target: { value: code } });
  await act(async () => {
    fireEvent.keyDown(screen.getByTestId('sync-enroll-code'), { key: 'Enter' });
    await new Promise((r) => setTimeout(r, 50));
  });
}

describe('EnrollForm', () => {
  it('refuses a malformed code and address at their fields, sending nothing', async () => {
    wrap(<EnrollForm countyUrl="" reenroll={false} focusHere />);
    await submitWith('', '');
    expect(await screen.findByText('请填写县级平台地址')).toBeTruthy();
    expect(screen.getByText('请填写登记码')).toBeTruthy();

    await submitWith('county.example.cn', 'K7QM-2XPA');
    expect(await screen.findByText('县级平台地址须以 http:// 或 https:// 开头')).toBeTruthy();
    expect(screen.getByText('登记码为 12 位字母或数字')).toBeTruthy();

    await submitWith('https://county.example.cn', 'K7QM-2XPA-9RT!');
    await waitFor(() => expect(screen.queryByText('县级平台地址须以 http:// 或 https:// 开头')).toBeNull());
    expect(screen.getByText('登记码为 12 位字母或数字')).toBeTruthy();
    expect(enrollCalls).toHaveLength(0);
  });

  it('sends a well-formed code on Enter (dashes, spaces, lower case allowed) and puts main\'s answer at its field', async () => {
    enrollAnswer = async () => ({ ok: false, error: { code: 'VALIDATION', message: '登记码无效或已被使用', fields: { code: '登记码无效或已被使用，请向县级管理员索取新的登记码' } } });
    wrap(<EnrollForm countyUrl="https://county.example.cn" reenroll focusHere />);
    expect(screen.getByText('重新登记')).toBeTruthy();
    expect((screen.getByTestId('sync-enroll-url') as HTMLInputElement).value).toBe('https://county.example.cn');
    await submitWith('https://county.example.cn', 'k7qm 2xpa-9rtd');
    await waitFor(() => expect(enrollCalls).toHaveLength(1));
    expect(enrollCalls[0]).toEqual({ countyUrl: 'https://county.example.cn', code: 'K7QM 2XPA-9RTD' });
    expect(await screen.findByText('登记码无效或已被使用，请向县级管理员索取新的登记码')).toBeTruthy();
    // what the clerk typed stays for a correction
    expect((screen.getByTestId('sync-enroll-code') as HTMLInputElement).value).toBe('K7QM 2XPA-9RTD');
  });

  it('shows main\'s sentence without a field above the button', async () => {
    enrollAnswer = async () => ({ ok: false, error: { code: 'UNAVAILABLE', message: '无法连接县级平台，请检查地址和网络' } });
    wrap(<EnrollForm countyUrl="" reenroll={false} focusHere />);
    await submitWith('http://127.0.0.1:9', 'K7QM2XPA9RTD');
    expect((await screen.findByTestId('sync-enroll-error')).textContent).toContain('无法连接县级平台，请检查地址和网络');
  });

  it('Esc puts a re-enrollment away', async () => {
    const onCancel = vi.fn();
    wrap(<EnrollForm countyUrl="" reenroll onCancel={onCancel} focusHere />);
    fireEvent.keyDown(screen.getByTestId('sync-enroll-url'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('Esc keeps what was typed in the form an unenrolled station needs', () => {
    wrap(<EnrollForm countyUrl="" reenroll={false} focusHere />);
    fireEvent.change(screen.getByTestId('sync-enroll-url'), { target: { value: 'https://county.example.cn' } });
    fireEvent.keyDown(screen.getByTestId('sync-enroll-url'), { key: 'Escape' });
    expect((screen.getByTestId('sync-enroll-url') as HTMLInputElement).value).toBe('https://county.example.cn');
  });
});

describe('the area and the status bar against a real station', () => {
  it('show 未登记 and the outbox\'s real pending count, and the bar opens the area', async () => {
    // setup wrote the station and its administrator: events the county has not seen
    const inOutbox = countUnacked();
    expect(inOutbox).toBeGreaterThan(0);

    wrap(
      <>
        <SyncPage />
        <StatusBar />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('sync-state-label').textContent).toBe('未登记'));
    expect(screen.getByTestId('sync-pending').getAttribute('data-count')).toBe(String(inOutbox));
    expect(screen.getByTestId('sync-pending').textContent).toBe(`${inOutbox} 条`);
    expect(screen.getByTestId('sync-oldest').textContent).toMatch(/^最早一条已等待 /);
    expect(screen.getByTestId('status-sync').textContent).toBe(`未登记 · 待上报 ${inOutbox}`);
    // an administrator may enroll: the form is there; 立即同步 waits for it
    expect(screen.getByTestId('sync-enroll')).toBeTruthy();
    expect((screen.getByTestId('sync-now') as HTMLButtonElement).disabled).toBe(true);

    useNav.setState({ area: 'workbench' });
    fireEvent.click(screen.getByTestId('status-sync'));
    expect(useNav.getState().area).toBe('sync');
    expect(useSync.getState().status?.pending).toBe(inOutbox);
  });

  it('tell a 窗口人员, who may not enroll, whom to ask by name', async () => {
    await addStaff(station.api, CLERK);
    await act(() => useApp.getState().signIn(CLERK.login, CLERK.password));
    try {
      wrap(<SyncPage />);
      expect((await screen.findByTestId('sync-ask-head')).textContent).toBe('登记和重新登记由站长或管理员办理，请联系：王建国。');
      expect(screen.queryByTestId('sync-enroll')).toBeNull();
      expect(screen.queryByTestId('sync-rejected')).toBeNull();
    } finally {
      await act(() => useApp.getState().signIn(ADMIN.login, ADMIN.password));
    }
  });
});

describe('StatusPanel', () => {
  const base: SyncStatus = {
    state: 'syncing',
    countyUrl: 'https://sync.county.example.cn',
    countyName: '石家庄市长安区',
    stationId: 's1',
    enrolledAt: before(3 * 24 * HOUR),
    pending: 8421,
    oldestPendingAt: before(2 * HOUR + 5 * MIN),
    lastPushAt: before(MIN),
    lastPullAt: before(MIN),
    lastSuccessAt: before(47 * MIN),
    lastError: '连接县级平台超时，稍后自动重试',
    lastErrorAt: before(3 * MIN),
    nextAttemptAt: new Date(NOW + 2 * MIN + 5_000).toISOString(),
    progress: { sent: 1579, total: 10000 },
    rejectedCount: 0,
    conflictCount: 0,
    clockSkewSeconds: -7500,
  };

  it('shows a backlog going out, the clock warning, the wait, the error and the next try', () => {
    wrap(<StatusPanel status={base} now={NOW} focusHere />);
    expect(screen.getByTestId('sync-state-label').textContent).toBe('同步中');
    expect(screen.getByTestId('sync-progress').textContent).toContain('正在上报：1,579 / 10,000 条');
    expect(screen.getByTestId('sync-skew').textContent).toContain('本机时钟比县级平台快 2 小时 5 分。');
    expect(screen.getByTestId('sync-pending').textContent).toBe('8,421 条');
    expect(screen.getByTestId('sync-oldest').textContent).toBe('最早一条已等待 2 小时 5 分');
    expect(screen.getByTestId('sync-last-success').textContent).toBe('今天 14:43（47 分钟前）');
    expect(screen.getByTestId('sync-last-error').textContent).toBe('连接县级平台超时，稍后自动重试（今天 15:27）');
    expect(screen.getByTestId('sync-next').textContent).toBe('今天 15:32（约 2 分钟后）');
    expect(screen.getByTestId('sync-county').textContent).toBe('石家庄市长安区（https://sync.county.example.cn）');
    expect((screen.getByTestId('sync-now') as HTMLButtonElement).disabled).toBe(false);
  });

  it('leaves the warning and the bar out when the clocks agree and nothing is going out', () => {
    wrap(<StatusPanel status={{ ...base, state: 'online', progress: null, clockSkewSeconds: 120, pending: 0, oldestPendingAt: null, lastError: null, lastErrorAt: null }} now={NOW} focusHere />);
    expect(screen.getByTestId('sync-state-label').textContent).toBe('已连接');
    expect(screen.queryByTestId('sync-progress')).toBeNull();
    expect(screen.queryByTestId('sync-skew')).toBeNull();
    expect(screen.queryByTestId('sync-oldest')).toBeNull();
    expect(screen.getByTestId('sync-pending').textContent).toBe('无，全部已上报');
    expect(screen.getByTestId('sync-last-error').textContent).toBe('无');
  });
});

describe('rejected events and conflicts', () => {
  const conflict = {
    id: 'c1',
    kind: 'intake.decision',
    entity: 'intake',
    entityId: 'i1',
    label: '130102001-20261127-0001',
    summary: '县民政局：受理并交办至 老龄办',
    basedOnVersion: 2,
    stationVersion: 3,
    receivedAt: before(HOUR),
    resolvedAt: null,
    resolution: null,
  };

  it('lists each refusal with its reason in Chinese, a stray code replaced by a sentence', async () => {
    answers['sync.rejected'] = async () => ({
      ok: true,
      value: [
        { seq: 7, entity: 'intake', entityLabel: '代办事项', entityId: '130102001-20261127-0001', occurredAt: before(HOUR), reason: 'hash_mismatch', message: '同一序号的记录内容与县级已收到的不同', rejectedAt: before(MIN) },
        { seq: 9, entity: 'resident', entityLabel: '居民', entityId: 'r-9', occurredAt: before(HOUR), reason: 'gap', message: 'SEQ_GAP', rejectedAt: before(MIN) },
      ],
    });
    wrap(<RejectedList count={2} />);
    expect(await screen.findByText('同一序号的记录内容与县级已收到的不同')).toBeTruthy();
    expect(screen.getByText('代办事项')).toBeTruthy();
    expect(screen.getByText('同步失败，详细原因已记入本机日志；如反复出现请联系管理员')).toBeTruthy();
    expect(screen.queryByText('SEQ_GAP')).toBeNull();
  });

  it('takes a written resolution: an empty one is refused at its field, Enter sends it', async () => {
    const resolved: unknown[] = [];
    answers['sync.conflicts'] = async () => ({ ok: true, value: resolved.length ? [{ ...conflict, resolvedAt: before(0), resolution: '已与县级核对' }] : [conflict] });
    answers['sync.resolveConflict'] = async (input) => {
      resolved.push(input);
      return { ok: true, value: { ...conflict, resolvedAt: before(0), resolution: '已与县级核对' } };
    };
    wrap(<ConflictList count={1} />);
    fireEvent.click(await screen.findByTestId('sync-conflict-resolve'));
    const text = await screen.findByTestId('sync-resolve-text');
    await act(async () => {
      fireEvent.keyDown(text, { key: 'Enter' });
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(await screen.findByText('请写明处理方式')).toBeTruthy();
    expect(resolved).toHaveLength(0);
    fireEvent.change(text, { target: { value: '已与县级核对' } });
    await act(async () => {
      fireEvent.keyDown(text, { key: 'Enter' });
      await new Promise((r) => setTimeout(r, 50));
    });
    await waitFor(() => expect(resolved).toEqual([{ id: 'c1', resolution: '已与县级核对' }]));
    expect(await screen.findByText('已处理')).toBeTruthy();
  });
});

/** Read from the database file itself, not through the call under test. */
function countUnacked(): number {
  const db = new Database(station.dbPath, { readonly: true });
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL').get()!.n;
  } finally {
    db.close();
  }
}
