import { describe, expect, it } from 'vitest';
import { allowedNext, canTransition, INTAKE_STATUSES, requiredFor } from '../../common/intake-status';
import { formatNumber, parseNumber } from '../../common/numbering';

describe('intake status machine', () => {
  it('walks the happy path of a forwarded item', () => {
    const f = { forwarded: true };
    expect(canTransition('accepted', 'processing', f)).toBe(true);
    expect(canTransition('processing', 'forwarded', f)).toBe(true);
    expect(canTransition('forwarded', 'completed', f)).toBe(true);
    expect(canTransition('completed', 'collected', f)).toBe(true);
  });

  it('refuses illegal moves', () => {
    const f = { forwarded: false };
    expect(canTransition('accepted', 'forwarded', f)).toBe(false); // not a 审核转报 item
    expect(canTransition('completed', 'cancelled', { forwarded: true })).toBe(false); // 撤销 only before 办结
    expect(canTransition('accepted', 'collected', f)).toBe(false);
    // A county-decided item is 办结 only after it has been forwarded; a local one may finish at once.
    expect(canTransition('accepted', 'completed', { forwarded: true })).toBe(false);
    expect(canTransition('processing', 'completed', { forwarded: true })).toBe(false);
    expect(canTransition('accepted', 'completed', f)).toBe(true);
    for (const end of ['collected', 'delivered', 'returned', 'cancelled'] as const) expect(allowedNext(end, { forwarded: true })).toEqual([]);
  });

  it('allows 撤销 from every state before 办结 and nowhere after', () => {
    const before = INTAKE_STATUSES.filter((s) => canTransition(s, 'cancelled', { forwarded: true }));
    expect(before).toEqual(['accepted', 'processing', 'forwarded']);
  });

  it('asks for a reason, a result or a receiver where the law wants one', () => {
    expect(requiredFor('returned')).toBe('reason');
    expect(requiredFor('cancelled')).toBe('reason');
    expect(requiredFor('completed')).toBe('result');
    expect(requiredFor('collected')).toBe('receiver');
    expect(requiredFor('processing')).toBeNull();
  });
});

describe('receipt numbers', () => {
  it('are station code + date + zero-padded daily serial, and parse back', () => {
    const no = formatNumber('receipt', '130102001', '2026-11-27', 7);
    expect(no).toBe('130102001-20261127-0007');
    expect(parseNumber(no)).toEqual({ kind: 'receipt', stationCode: '130102001', date: '2026-11-27', serial: 7 });
    expect(formatNumber('notice', '130102001', '2026-11-27', 12)).toBe('130102001-20261127-G0012');
    expect(parseNumber('130102001-20261127-G0012')?.kind).toBe('notice');
    expect(parseNumber('garbage')).toBeNull();
    expect(() => formatNumber('receipt', 'X1234', '2026-11-27', 0)).toThrow(RangeError);
  });
});
