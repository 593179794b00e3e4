/**
 * Receipt numbers unique without the county: station code + station date + daily serial,
 * e.g. 130102001-20261127-0007. Notices (G) and 转报单 (Z) get a letter so they never
 * collide with receipts.
 */
export const NUMBER_KINDS = { receipt: '', notice: 'G', transmittal: 'Z' } as const;
export type NumberKind = keyof typeof NUMBER_KINDS;

export function formatNumber(kind: NumberKind, stationCode: string, date: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 99_999) throw new RangeError('serial out of range');
  const day = date.replaceAll('-', '');
  return `${stationCode}-${day}-${NUMBER_KINDS[kind]}${String(serial).padStart(4, '0')}`;
}

const PATTERN = /^([0-9A-Za-z]{4,20})-(\d{8})-([GZ]?)(\d{4,5})$/;

export function parseNumber(no: string): { kind: NumberKind; stationCode: string; date: string; serial: number } | null {
  const m = PATTERN.exec(no.trim());
  if (!m) return null;
  const [, code, day, letter, serial] = m as unknown as [string, string, string, string, string];
  return { kind: letter === 'G' ? 'notice' : letter === 'Z' ? 'transmittal' : 'receipt', stationCode: code, date: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`, serial: Number(serial) };
}
