// @vitest-environment jsdom
/** 工作台's 县级办理动态: what a real station holds after sync applied county decisions. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCounty } from '../../main/sync/memory-target';
import { CountyDecisions } from '../../renderer/src/features/workbench/CountyDecisions';
import { forwardedItems, syncStation, type SyncTestStation } from '../helpers/sync';
import { stubMatchMedia, bridgeTo } from '../helpers/jsdom';

let s: SyncTestStation;
const mem = createMemoryCounty();

beforeAll(async () => {
  stubMatchMedia();
  s = await syncStation({ sync: { target: () => mem.target } });
  bridgeTo(s.station);
});
afterAll(() => s.close());
afterEach(cleanup);

describe('CountyDecisions', () => {
  it('says so when the county has decided nothing yet', async () => {
    render(<CountyDecisions />);
    await waitFor(() => expect(screen.getByTestId('workbench-county').textContent).toContain('暂无县级部门的办理结果'));
    expect(screen.queryAllByTestId('workbench-county-item')).toHaveLength(0);
  });

  it('lists the latest decisions, newest first, each with its result, reason or department', async () => {
    await s.client['sync.enroll']({ countyUrl: 'http://127.0.0.1:9', code: 'ABCD-EFGH-2345' });
    const [a, b] = await forwardedItems(s, 2);
    await s.worker.runOnce();
    mem.publish({ kind: 'intake.decision', body: { intakeId: a!.id, receiptNo: a!.receiptNo, basedOnVersion: a!.version, decision: 'completed', department: null, result: '老年证已制成', reason: null, decidedAt: '2026-11-27T03:00:00.000Z', decidedBy: '刘科长' } });
    mem.publish({ kind: 'intake.decision', body: { intakeId: b!.id, receiptNo: b!.receiptNo, basedOnVersion: b!.version, decision: 'returned', department: null, result: null, reason: '缺户口簿原件', decidedAt: '2026-11-27T04:00:00.000Z', decidedBy: '刘科长' } });
    expect((await s.worker.runOnce()).ok).toBe(true);
    render(<CountyDecisions />);
    await waitFor(() => expect(screen.getAllByTestId('workbench-county-item')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('workbench-county-item');
    expect(first!.textContent).toContain('县级已退回');
    expect(first!.textContent).toContain('缺户口簿原件');
    expect(first!.textContent).toContain(b!.receiptNo);
    expect(second!.textContent).toContain('县级已办结');
    expect(second!.textContent).toContain('老年证已制成');
    // the resident is named, the 身份证号 never
    expect(screen.getByTestId('workbench-county').textContent).not.toMatch(/\d{6}\*+/);
  });
});
