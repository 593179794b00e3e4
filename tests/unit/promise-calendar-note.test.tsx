// @vitest-environment jsdom
/** The intake screens' 暂定 mark and difference line, from records a real station made. */
import fs from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PromiseCalendarNote } from '../../renderer/src/features/intake/PromiseCalendarNote';
import { manualClock, setUpStation } from '../helpers/station';
import { stubMatchMedia } from '../helpers/jsdom';

const NOTICE_2027 = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/calendar/test-notice-2027.json'), 'utf8');

afterEach(cleanup);

describe('PromiseCalendarNote', () => {
  it('marks a provisional promise 暂定, then shows the date the new notice gives beside the printed one', async () => {
    stubMatchMedia();
    const clock = manualClock('2027-01-20T02:00:00.000Z');
    const s = await setUpStation({ clock });
    const resident = await s.client['residents.create']({ name: '冯𡒄', idNumber: '11010519491231002X' });
    const item = await s.client['catalogue.get']({ code: 'ZB-002' });
    const { record } = await s.client['intake.accept']({ residentId: resident.id, itemCode: item.code, materialsReceived: item.materials });

    const before = render(<PromiseCalendarNote calendar={record.calendar} />);
    expect(screen.getByTestId('promise-provisional').textContent).toBe('暂定');
    expect(screen.getByTestId('promise-calendar').textContent).toContain('承诺日期按法定节假日推算，以国务院当年放假通知为准');
    before.unmount();

    await s.client['calendar.load']({ fileName: '2027.json', text: NOTICE_2027 });
    const after = (await s.client['intake.get']({ id: record.id })).record;
    render(<PromiseCalendarNote calendar={after.calendar} />);
    const note = screen.getByTestId('promise-calendar');
    expect(note.getAttribute('data-current-date')).toBe('2027-02-24');
    expect(note.textContent).toBe('暂定按新公布的放假安排应为 2027-02-24，回执承诺日期不变');
    s.close();
  });

  it('shows nothing for a promise counted on a published notice', () => {
    const { container } = render(<PromiseCalendarNote calendar={{ provisional: false, source: '2026 年：通知', version: '2026:x', currentDate: null, note: null }} />);
    expect(container.textContent).toBe('');
  });
});
