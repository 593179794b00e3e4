// @vitest-environment jsdom
/**
 * The 认领方 form's 统一社会信用代码 check (GB 32100) against a real station: the warning sits
 * under its own field while the clerk types, the form still saves (a warning, not a refusal),
 * and no toast carries it.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ClaimantForm } from '../../renderer/src/features/wishes/ClaimantForm';
import type { Claimant } from '../../renderer/src/features/wishes/data';
import { setUpStation } from '../helpers/station';
import { stubBrowser, bridgeTo } from '../helpers/jsdom';

let station: Awaited<ReturnType<typeof setUpStation>>;
// 91350100M000100Y43: a valid code (GB 32100 check character 3); the same with its last character changed is not
const VALID = '91350100M000100Y43';
const BAD_CHECK = '91350100M000100Y44';

beforeAll(async () => {
  stubBrowser();
  station = await setUpStation();
  bridgeTo(station.calls);
});

afterAll(() => station.close());
afterEach(cleanup);

async function unitClaimant(): Promise<Claimant> {
  const { claimant } = await station.client['claimants.create']({ requestId: randomUUID(), category: '企业', name: '长安区建材有限公司', contactName: '刘经理', phone: '0311-86011111' });
  return claimant;
}

function open(editing: Claimant, onSaved: (c: Claimant) => void) {
  return render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <ClaimantForm open editing={editing} onSaved={onSaved} onClose={() => {}} />
      </AntApp>
    </ConfigProvider>,
  );
}

/** the text under the credit-code field (antd's explain line), and its kind */
function creditExplain(): { text: string; warning: boolean } {
  const item = screen.getByTestId('claimant-credit').closest('.ant-form-item')!;
  const explain = item.querySelector('.ant-form-item-explain');
  return { text: explain?.textContent ?? '', warning: item.querySelector('.ant-form-item-explain-warning') !== null };
}

describe('ClaimantForm 统一社会信用代码', () => {
  it('warns next to the field as the clerk types, saves anyway, and shows no toast with the warning', async () => {
    const onSaved = vi.fn<(c: Claimant) => void>();
    open(await unitClaimant(), onSaved);
    const input = screen.getByTestId('claimant-credit');
    fireEvent.change(input, { target: { value: BAD_CHECK } });
    await waitFor(() => expect(creditExplain().text).toMatch(/校验位不符.*第 18 位应为 3/));
    expect(creditExplain().warning).toBe(true);

    fireEvent.change(input, { target: { value: '9135010' } });
    await waitFor(() => expect(creditExplain().text).toMatch(/应为 18 位，现为 7 位/));

    fireEvent.change(input, { target: { value: VALID } });
    await waitFor(() => expect(creditExplain().text).toBe(''));

    fireEvent.change(input, { target: { value: BAD_CHECK } });
    await waitFor(() => expect(creditExplain().text).toMatch(/校验位不符/));
    await act(async () => {
      fireEvent.click(screen.getByTestId('claimant-form-ok'));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    // saved with the code as typed: a warning, not a refusal
    expect(onSaved.mock.calls[0]![0].creditCode).toBe(BAD_CHECK);
    expect(onSaved.mock.calls[0]![0].creditCodeWarning).toMatch(/校验位不符/);
    // the toast says it was saved and does not carry the warning text
    await waitFor(() => expect(document.body.textContent).toContain('认领方已保存'));
    const toasts = [...document.querySelectorAll('.ant-message-notice')].map((n) => n.textContent ?? '');
    expect(toasts.some((t) => /校验位不符/.test(t))).toBe(false);
  });

  it('says nothing under a valid code or an empty field', async () => {
    const onSaved = vi.fn<(c: Claimant) => void>();
    open(await unitClaimant(), onSaved);
    const input = screen.getByTestId('claimant-credit');
    fireEvent.change(input, { target: { value: VALID } });
    fireEvent.blur(input);
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.blur(input);
    await waitFor(() => expect(creditExplain().text).toBe(''));
    await act(async () => {
      fireEvent.click(screen.getByTestId('claimant-form-ok'));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  });
});
