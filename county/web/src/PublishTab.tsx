/** Publish a catalogue version and a year's holiday notice: each file checked here first with common/'s own schema, every problem listed. */
import { useRef, useState } from 'react';
import { App as AntApp, Alert, Button, Card, Space, Typography } from 'antd';
import * as z from 'zod';
import { describeCatalogueIssue, PublishedCatalogue } from '../../../common/catalogue';
import { readNotice } from '../../../common/calendar-file';
import { api, messageOf } from './api';
import { S } from './strings';

const P = S.publish;
const MAX_BYTES = 4 * 1024 * 1024;

type Checked = { ok: true; body: unknown; summary: string; warning?: string } | { ok: false; problems: string[] };

function checkCatalogue(text: string): Checked {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: [P.notJson] };
  }
  const r = PublishedCatalogue.safeParse(raw);
  if (!r.success) return { ok: false, problems: [...new Set(r.error.issues.map((i) => describeCatalogueIssue(new z.ZodError([i]), raw)))] };
  return { ok: true, body: raw, summary: P.catalogueSummary(r.data.version, r.data.publishedAt, r.data.items.length) };
}

function checkCalendar(text: string): Checked {
  const r = readNotice(text);
  if (!r.ok) return { ok: false, problems: r.errors };
  const next = new Date().getFullYear() + 1;
  return { ok: true, body: r.calendar, summary: P.calendarSummary(r.calendar.year, r.calendar.holidays.length, r.calendar.makeupWorkdays.length), ...(r.calendar.year !== next ? { warning: P.notNextYear(r.calendar.year, next) } : {}) };
}

function PublishCard({ title, help, testId, check, publish }: { title: string; help: string; testId: string; check: (text: string) => Checked; publish: (body: unknown) => Promise<{ seq: number }> }) {
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; checked: Checked } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const read = async (f: File | undefined) => {
    setError(null);
    setDone(null);
    if (!f) return;
    if (f.size > MAX_BYTES) return setFile({ name: f.name, checked: { ok: false, problems: [P.tooBig] } });
    setFile({ name: f.name, checked: check(await f.text()) });
  };
  const go = async () => {
    if (!file?.checked.ok) return;
    setBusy(true);
    try {
      const r = await publish(file.checked.body);
      setDone(P.published(r.seq));
      void message.success(P.published(r.seq));
      setFile(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const c = file?.checked;
  return (
    <Card title={title} style={{ maxWidth: 760, marginBottom: 16 }} data-testid={testId}>
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid={`${testId}-file`}
        onChange={(e) => {
          void read(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <Space>
        <Button onClick={() => input.current?.click()}>{P.choose}</Button>
        {file && <span>{file.name}</span>}
      </Space>
      {c && !c.ok && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={P.problems(c.problems.length)}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid={`${testId}-problems`}>
              {c.problems.slice(0, 50).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {c?.ok && (
        <div style={{ marginTop: 12 }}>
          <Alert type="success" showIcon title={c.summary} />
          {c.warning && <Alert type="warning" showIcon title={c.warning} style={{ marginTop: 8 }} />}
          <Button type="primary" style={{ marginTop: 12 }} loading={busy} onClick={() => void go()}>
            {P.publish}
          </Button>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} role="alert" />}
      {done && <Alert type="success" showIcon title={done} style={{ marginTop: 12 }} data-testid={`${testId}-done`} />}
    </Card>
  );
}

export function PublishTab() {
  return (
    <>
      <PublishCard title={P.catalogueTitle} help={P.catalogueHelp} testId="catalogue" check={checkCatalogue} publish={api.publishCatalogue} />
      <PublishCard title={P.calendarTitle} help={P.calendarHelp} testId="calendar" check={checkCalendar} publish={api.publishCalendar} />
    </>
  );
}
