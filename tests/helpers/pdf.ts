/** Reading real PDFs back with poppler-utils, and printable sample data with rare names. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import type { AcceptanceReceiptData, CompletionReceiptData, CorrectionNoticeData, PrintableDocument } from '../../main/pdf/types';

function withFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text poppler extracts: a character comes back only if its glyph is mapped to it. */
export function pdfText(pdf: Uint8Array | string): string {
  if (typeof pdf === 'string') return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return withFile(pdf, (f) => pdfText(f));
}

export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
}

export function pdfInfo(pdf: Uint8Array | string): PdfInfo {
  if (typeof pdf !== 'string') return withFile(pdf, (f) => pdfInfo(f));
  const out = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(pdf: Uint8Array): PdfFont[] {
  return withFile(pdf, (f) => {
    const lines = execFileSync('pdffonts', [f], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    return lines.map((l) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object id, generation
      const cols = l.trim().split(/\s+/);
      const n = cols.length;
      return { name: cols[0]!, type: cols.slice(1, n - 6).join(' '), embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes', unicode: cols[n - 3] === 'yes' };
    });
  });
}

/** Renders page 1 in grey and reads the QR code on it, as a phone would. */
export function readQr(pdf: Uint8Array, dpi = 200): string | null {
  return withFile(pdf, (f) => {
    const base = path.join(path.dirname(f), 'page');
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', f, base]);
    const pgm = fs.readFileSync(`${base}.pgm`);
    // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'));
    if (!header) throw new Error('not a PGM');
    const [w, h] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) {
      const v = pixels[i]!;
      rgba[i * 4] = v;
      rgba[i * 4 + 1] = v;
      rgba[i * 4 + 2] = v;
      rgba[i * 4 + 3] = 255;
    }
    return jsQR(rgba, w, h)?.data ?? null;
  });
}

/** Whitespace removed: table cells wrap, the characters stay in order. */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

export const RARE_NAME = '欧阳𠈌堃喆玥䶮𪚥𠀀';
/** CJK Ext-B characters the main font lacks (HanaMinB draws them) */
export const EXT_B = ['𠈌', '𪚥', '𠀀', '𡒄'];

export const STATION_HEADER = { code: '130102001', name: '长安区建北街道党群服务中心', county: '石家庄市长安区', address: '建北街道中山东路 12 号', phone: '0311-86012345' };

export function acceptanceData(over: Partial<AcceptanceReceiptData> = {}): AcceptanceReceiptData {
  return {
    station: STATION_HEADER,
    receiptNo: '130102001-20261127-0003',
    item: { code: 'MZ-001', name: '高龄津贴申请', category: '审核转报', department: '长安区民政局', forwarded: true },
    applicant: { name: RARE_NAME, idMasked: '130102********1234', phone: '13800138000', address: '石家庄市长安区建北街道中山东路 12 号院 3 号楼 2 单元 1101 室（𡒄家胡同）' },
    materialsReceived: ['居民身份证原件及复印件', '户口簿原件及复印件', '本人近期一寸免冠照片 2 张'],
    acceptedAt: '2026-11-27T01:05:00.000Z',
    promisedDate: '2026-12-04',
    timeLimitText: '5 个工作日',
    clerkName: '李𪚥娜',
    progressHint: '也可拨打咨询电话或到本站窗口查询',
    qrPayload: '130102001-20261127-0003',
    ...over,
  };
}

export function correctionData(over: Partial<CorrectionNoticeData> = {}): CorrectionNoticeData {
  return {
    station: STATION_HEADER,
    noticeNo: '130102001-20261127-B001',
    item: { code: 'MZ-001', name: '高龄津贴申请', department: '长安区民政局' },
    applicant: { name: RARE_NAME, idMasked: '130102********1234', phone: '13800138000', address: '长安区育才街 7 号 2-302' },
    materialsRequired: ['居民身份证原件及复印件', '户口簿原件及复印件', '本人近期一寸免冠照片 2 张', '银行卡（社保卡）复印件'],
    materialsReceived: ['居民身份证原件及复印件'],
    materialsMissing: ['户口簿原件及复印件', '本人近期一寸免冠照片 2 张', '银行卡（社保卡）复印件'],
    issuedAt: '2026-11-27T01:05:00.000Z',
    clerkName: '李娜',
    note: '照片须为白底',
    ...over,
  };
}

export function completionData(over: Partial<CompletionReceiptData> = {}): CompletionReceiptData {
  return {
    station: STATION_HEADER,
    receiptNo: '130102001-20261127-0003',
    item: { code: 'MZ-001', name: '高龄津贴申请' },
    applicant: { name: RARE_NAME, idMasked: '130102********1234', phone: '13800138000', address: '长安区育才街 7 号 2-302' },
    acceptedAt: '2026-11-27T01:05:00.000Z',
    completedAt: '2026-12-03T07:30:00.000Z',
    result: '审核通过，自 2026 年 12 月起按月发放高龄津贴',
    handover: { kind: '领取', at: '2026-12-04T02:00:00.000Z', receiverName: '欧阳𠈌' },
    clerkName: '李娜',
    ...over,
  };
}

export const SAMPLES: PrintableDocument[] = [
  { kind: 'intake.acceptance', data: acceptanceData() },
  { kind: 'intake.correction', data: correctionData() },
  { kind: 'intake.completion', data: completionData() },
];
