// @vitest-environment jsdom
/**
 * The document preview against a real station in this process: the renderer's own API
 * client over the preload's bridge shape, answered by main's dispatch and services on a
 * real SQLite file. jsdom has no PDF viewer and no blob URLs, so those two are stood in for.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBridge } from '../../common/bridge';
import { dispatch } from '../../main/dispatch';
import { DocumentPreview } from '../../renderer/src/components/DocumentPreview';
import { manualClock, setUpStation } from '../helpers/station';
import { documentsService } from '../helpers/documents';
import { acceptanceData } from '../helpers/pdf';
import type { DocumentMeta } from '../../common/contracts/documents';
import { stubMatchMedia } from '../helpers/jsdom';

const blobs = new Map<string, Blob>();
const revoked: string[] = [];
let station: Awaited<ReturnType<typeof setUpStation>>;
let svc: ReturnType<typeof documentsService>;
let doc: DocumentMeta;
let cupsReason: string | null = null;

beforeAll(async () => {
  stubMatchMedia();
  let n = 0;
  URL.createObjectURL = (b: Blob) => {
    const url = `blob:stationdesk/${++n}`;
    blobs.set(url, b);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void revoked.push(url);

  const clock = manualClock('2026-11-27T01:05:00.000Z');
  station = await setUpStation({ clock });
  const me = (await station.api['auth.session']({}))!.staff;
  svc = documentsService(station.dataDir, clock);
  doc = await svc.docs.issue({ kind: 'intake.acceptance', data: acceptanceData() }, { entity: 'intake', entityId: 'i-1', number: '130102001-20261127-0003' }, me.id);
  window.station = buildBridge((channel, input) => dispatch(station.calls, channel.replace(/^station:/, ''), input));

  const cups = spawnSync('bash', [path.resolve(import.meta.dirname, '../../scripts/cups-setup.sh'), 'StationPDF'], { encoding: 'utf8', timeout: 240_000 });
  if (cups.status === 3) cupsReason = cups.stderr.trim();
  else if (cups.status !== 0) throw new Error(`scripts/cups-setup.sh failed: ${cups.stderr}`);
}, 300_000);

afterEach(cleanup);
afterAll(() => {
  svc?.close();
  station?.close();
});

function Harness({ id }: { id: string }) {
  const [open, setOpen] = useState<string | null>(id);
  return (
    <ConfigProvider locale={zhCN}>
      <AntdApp>
        <span data-testid="state">{open ? 'open' : 'closed'}</span>
        <DocumentPreview documentId={open} onClose={() => setOpen(null)} />
      </AntdApp>
    </ConfigProvider>
  );
}

describe('DocumentPreview', () => {
  it('shows the archived PDF from a blob URL, offers the printer list when none is chosen, and closes on Esc', async () => {
    render(<Harness id={doc.id} />);
    const frame = await screen.findByTestId('document-frame');
    const url = frame.getAttribute('src')!;
    expect(url).toMatch(/^blob:/);
    const blob = blobs.get(url)!;
    expect(blob.type).toBe('application/pdf');
    // jsdom's Blob has no arrayBuffer(); its FileReader does the same job.
    const bytes = new Uint8Array(
      await new Promise<ArrayBuffer>((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(r.result as ArrayBuffer);
        r.readAsArrayBuffer(blob);
      }),
    );
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256);
    expect(document.querySelector('.ant-modal-title')?.textContent).toBe(`受理回执\u3000${doc.number}`);
    expect(screen.getByText('尚未打印')).toBeTruthy();

    const print = screen.getByTestId('document-print');
    expect(print.textContent?.replace(/\s/g, '')).toBe('打印');
    await waitFor(() => expect(document.activeElement).toBe(print));
    await act(async () => fireEvent.click(print));
    // Not only "none chosen": the list to choose from, right here (issue 6, item 5).
    const chooser = await screen.findByTestId('document-choose-printer');
    expect(chooser.textContent).toContain('本机尚未选择打印机');
    expect(screen.queryByTestId('document-print-result')).toBeNull();

    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape', code: 'Escape', keyCode: 27 });
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('closed'));
    expect(revoked).toContain(url);
  });

  it('prints, then offers 补打 and says which copy went to which printer', async (t) => {
    if (cupsReason) return t.skip(cupsReason);
    await station.api['settings.update']({ printer: 'StationPDF' });
    render(<Harness id={doc.id} />);
    await screen.findByTestId('document-frame');
    const print = screen.getByTestId('document-print');
    await act(async () => fireEvent.click(print));
    await waitFor(() => expect(screen.getByTestId('document-print-result').textContent).toMatch(/^已将单据发送到打印机“StationPDF”（任务 StationPDF-\d+）$/));
    expect(print.textContent?.replace(/\s/g, '')).toBe('补打');
    expect(screen.getByText('已打印 1 份（含补打 0 份）')).toBeTruthy();
    await act(async () => fireEvent.click(print));
    await waitFor(() => expect(screen.getByTestId('document-print-result').textContent).toMatch(/^已将补打（第 1 次）发送到打印机“StationPDF”/));
    expect(screen.getByText('已打印 2 份（含补打 1 份）')).toBeTruthy();
  }, 60_000);
});
