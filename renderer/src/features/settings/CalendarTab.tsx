/**
 * 节假日安排: for each year, whether its State Council notice is in force (已公布, and from
 * where) or promises are counted on the statutory holidays (暂按法定节假日推算); the
 * station head loads a year's notice file here.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Table, Tag, type TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import type { CalendarYear } from '../../../../common/contracts/calendar';
import { can } from '../../../../common/roles';
import { ApiError } from '../../api';
import { errorText } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { useApp } from '../../stores/app';
import { loadNoticeFile, useCalendarYears, type LoadResult } from './calendar-data';
import { LoadError } from './LoadError';
import * as C from './calendar-strings';
import './calendar.css';
import { HiddenFileInput } from '../../components/HiddenFileInput';
import { useRequestId } from '../../request-id';

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];

function md(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** ["2027-02-05", …, "2027-02-10"] → "2月5日–2月10日"; gaps start a new run. */
function runs(dates: string[]): string {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= dates.length; i++) {
    if (i < dates.length && day(dates[i]!) === day(dates[i - 1]!) + 1) continue;
    out.push(i - 1 === start ? md(dates[start]!) : `${md(dates[start]!)}–${md(dates[i - 1]!)}`);
    start = i;
  }
  return out.join('、');
}

function Days({ y }: { y: CalendarYear }) {
  if (y.holidays.length === 0) return <span className="sd-muted">{C.NO_DAYS}</span>;
  return (
    <div className="sd-calendar-days">
      {y.holidays.map((h) => (
        <span key={h.name} className="sd-calendar-day">
          <b>{h.name}</b> {runs(h.dates)}
        </span>
      ))}
      {y.makeupWorkdays.length > 0 && (
        <span className="sd-calendar-makeup sd-muted">
          {C.MAKEUP} {y.makeupWorkdays.map((m) => `${md(m.date)}（${WEEKDAY[new Date(`${m.date}T00:00:00Z`).getUTCDay()]}）`).join('、')}
        </span>
      )}
    </div>
  );
}

function messageOf(err: unknown): string {
  return err instanceof Error && !(err instanceof ApiError) ? err.message : errorText(err);
}

export function CalendarTab() {
  const role = useApp((s) => s.session?.staff.role);
  const editable = can(role, 'calendar.load');
  const { data, error, reload } = useCalendarYears();
  const input = useRef<HTMLInputElement>(null);
  const target = useRef<number | undefined>(undefined);
  const [busyYear, setBusyYear] = useState<number | 'any' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<LoadResult | null>(null);
  const [requestId, renewRequestId] = useRequestId();

  function choose(year: number | undefined) {
    target.current = year;
    input.current?.click();
  }

  async function load(file: File) {
    const year = target.current;
    setProblem(null);
    setDone(null);
    setBusyYear(year ?? 'any');
    try {
      setDone(await loadNoticeFile(file, year, requestId));
      renewRequestId();
      await reload();
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setBusyYear(null);
    }
  }

  if (error) return <LoadError error={error} onRetry={() => void reload()} />;
  if (!data) return <Spin />;
  const thisYear = Number(data.today.slice(0, 4));

  const columns: TableColumnsType<CalendarYear> = [
    {
      title: C.COL_YEAR,
      dataIndex: 'year',
      width: 110,
      render: (y: number) => (
        <span className="sd-calendar-year">
          <b>{C.YEAR(y)}</b>
          {y === thisYear && <span className="sd-muted"> {C.THIS_YEAR}</span>}
        </span>
      ),
    },
    {
      title: C.COL_STATUS,
      key: 'status',
      width: 150,
      render: (_: unknown, y) =>
        y.status === 'published' ? (
          <Tag color="green" data-testid={`calendar-status-${y.year}`}>
            {C.PUBLISHED}
          </Tag>
        ) : (
          <Tag color="gold" data-testid={`calendar-status-${y.year}`}>
            {y.holidays.length > 0 ? C.PROVISIONAL : C.WEEKENDS_ONLY}
          </Tag>
        ),
    },
    {
      title: C.COL_SOURCE,
      key: 'source',
      width: 300,
      render: (_: unknown, y) => (
        <div data-testid={`calendar-source-${y.year}`}>
          <div>{y.source}</div>
          {y.origin && y.loadedAt && <div className="sd-muted">{C.LOADED(C.ORIGIN[y.origin], formatDateTime(y.loadedAt), y.loadedByName)}</div>}
          {y.sha256 && <div className="sd-muted sd-mono">{C.VERSION(y.sha256)}</div>}
        </div>
      ),
    },
    { title: C.COL_DAYS, key: 'days', render: (_: unknown, y) => <Days y={y} /> },
    ...(editable
      ? [
          {
            title: C.COL_ACTIONS,
            key: 'actions',
            width: 170,
            render: (_: unknown, y: CalendarYear) => (
              <Button size="small" icon={<UploadOutlined />} loading={busyYear === y.year} disabled={busyYear !== null} onClick={() => choose(y.year)} data-testid={`calendar-load-${y.year}`}>
                {y.status === 'published' ? C.REPLACE : C.LOAD_FOR(y.year)}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="settings-calendar">
      <Alert type="info" showIcon title={C.INTRO} description={editable ? C.FORMAT_HELP : undefined} style={{ marginBottom: 14 }} />
      {!editable && <Alert type="warning" showIcon title={C.READ_ONLY} style={{ marginBottom: 14 }} data-testid="settings-readonly" />}
      {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} style={{ marginBottom: 14 }} data-testid="calendar-error" />}
      {done && (
        <Alert
          type={done.unchanged ? 'info' : done.affected > 0 ? 'warning' : 'success'}
          showIcon
          title={done.unchanged ? C.UNCHANGED(done.year.year) : C.LOADED_OK(done.year.year, done.year.source)}
          description={done.unchanged ? undefined : C.AFFECTED(done.affected)}
          style={{ marginBottom: 14 }}
          data-testid="calendar-done"
        />
      )}
      {editable && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<UploadOutlined />} autoFocus loading={busyYear === 'any'} disabled={busyYear !== null} onClick={() => choose(undefined)} data-testid="calendar-load-any">
            {C.LOAD_ANY}
          </Button>
          <HiddenFileInput ref={input} accept=".json,application/json" testId="calendar-file" onFile={(f) => void load(f)} />
        </Space>
      )}
      <Table<CalendarYear> rowKey="year" size="small" tableLayout="fixed" pagination={false} columns={columns} dataSource={data.years} data-testid="calendar-years" />
    </div>
  );
}
