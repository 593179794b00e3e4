import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStation } from '../../main/station';
import { memoryStore } from '../../main/settings-store';
import { openDb } from '../../main/db/open';
import { loadFonts } from '../../main/pdf/fonts';
import { renderDocument } from '../../main/pdf/render';
import { ONLINE_QR_CAPTION, QR_CAPTION, acceptanceQrText } from '../../main/pdf/forms/acceptance';
import { CheckCode } from '../../common/county/protocol';
import { progressUrl } from '../../common/county/progress-url';
import { ADMIN, STATION, clientOf, manualClock, tempDir } from '../helpers/station';
import { acceptanceData, compact, pdfText, readQr } from '../helpers/pdf';

const PUBLIC = 'https://daiban.changan.gov.cn/';

async function station(publicUrl: { current: string | null }) {
  const dataDir = tempDir();
  const s = await createStation({ dataDir, transport: 'browser', store: memoryStore(), clock: manualClock('2026-11-27T01:00:00.000Z'), countyPublicUrl: () => publicUrl.current });
  const client = clientOf(s);
  await s.api['setup.init']({ station: STATION, admin: ADMIN }, null);
  const resident = await client['residents.create']({ name: '张堃', idNumber: '11010519491231002X', phone: '13800138000', address: '建北街道中山东路 3 号院 2 单元 101' });
  const item = await client['catalogue.get']({ code: 'DB-003' });
  const accept = async () => {
    const r = await client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });
    const pdf = Buffer.from((await client['documents.get']({ id: r.documentId! })).pdfBase64, 'base64');
    return { record: r.record, pdf };
  };
  return { s, client, accept, dataDir };
}

describe('受理回执 查询码 and the county progress link', () => {
  it('prints the 查询码 and a QR code of the progress link only once the county’s page is known', async () => {
    const url = { current: null as string | null };
    const { s, accept } = await station(url);
    try {
      const offline = await accept();
      expect(CheckCode.safeParse(offline.record.checkCode).success).toBe(true);
      const offText = compact(pdfText(offline.pdf));
      expect(offText).not.toContain('查询码');
      expect(offText).not.toContain(compact(ONLINE_QR_CAPTION));
      expect(offText).toContain(compact(QR_CAPTION));
      expect(readQr(offline.pdf)).toMatch(/^受理回执编号：/);
      expect(offText).not.toContain(offline.record.checkCode!);

      url.current = PUBLIC;
      const online = await accept();
      const code = online.record.checkCode!;
      expect(code).not.toBe(offline.record.checkCode);
      const text = compact(pdfText(online.pdf));
      expect(text).toContain(`查询码：${code}`);
      expect(text).toContain(compact(ONLINE_QR_CAPTION));
      expect(text).toContain('https://daiban.changan.gov.cn/p');
      expect(readQr(online.pdf)).toBe(`https://daiban.changan.gov.cn/p/${online.record.receiptNo}?c=${code}`);
    } finally {
      s.close();
    }
  });

  it('carries the 查询码 in the intake event’s payload, so the county can answer the progress page', async () => {
    const { s, accept, dataDir } = await station({ current: null });
    try {
      const { record } = await accept();
      // a second connection, as the sync worker reads the outbox
      const db = openDb(path.join(dataDir, 'stationdesk.db'));
      const payloads = db.prepare("SELECT payload FROM outbox WHERE entity = 'intake' AND entity_id = ?").pluck().all(record.id) as string[];
      db.close();
      expect(payloads.length).toBeGreaterThan(0);
      for (const p of payloads) expect(JSON.parse(p)).toMatchObject({ check_code: record.checkCode, receipt_no: record.receiptNo });
    } finally {
      s.close();
    }
  });

  it('fits the link on the 80 mm slip too, readable by a phone', async () => {
    const fonts = loadFonts(path.resolve(import.meta.dirname, '../../resources/fonts'));
    const data = acceptanceData();
    const link = progressUrl(PUBLIC, data.receiptNo, 'K7M3PQ')!;
    const r = await renderDocument(fonts, { kind: 'intake.acceptance', data: { ...data, online: { checkCode: 'K7M3PQ', url: link, lookupUrl: 'https://daiban.changan.gov.cn/p' } } }, { layout: 'thermal80' });
    expect(readQr(r.pdf)).toBe(link);
    expect(compact(pdfText(r.pdf))).toContain('查询码：K7M3PQ');
    const plain = await renderDocument(fonts, { kind: 'intake.acceptance', data }, { layout: 'thermal80' });
    expect(readQr(plain.pdf)).toBe(acceptanceQrText(data));
  });
});
