// @vitest-environment jsdom
/**
 * The renderer's own logic that needs no main process: Enter-to-advance, the
 * setup form's client-side checks (the contract's zod rules), clock and audit
 * formatting, and the browser-mode token hand-off.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ConfigProvider, Form, Input, type FormInstance } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, takeLaunchCodeFromLocation } from '../../renderer/src/api';
import { enterAdvances, fieldPath, showFormError } from '../../renderer/src/components/forms';
import { SetupScreen } from '../../renderer/src/features/auth/SetupScreen';
import { detailText } from '../../renderer/src/features/settings/audit-format';
import { formatClock, formatDateTime } from '../../renderer/src/format';
import { stubMatchMedia } from '../helpers/jsdom';

beforeAll(() => {
  stubMatchMedia();
});

afterEach(cleanup);

function ThreeFields({ onSubmit }: { onSubmit: () => void }) {
  return (
    <form onKeyDown={enterAdvances(onSubmit)}>
      <input data-testid="a" />
      <input data-testid="b" />
      <input data-testid="c" />
    </form>
  );
}

describe('enterAdvances', () => {
  it('moves focus to the next field and submits from the last', () => {
    const submit = vi.fn();
    render(<ThreeFields onSubmit={submit} />);
    const a = screen.getByTestId('a');
    a.focus();
    fireEvent.keyDown(a, { key: 'Enter' });
    expect(submit).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByTestId('b'));
    const c = screen.getByTestId('c');
    c.focus();
    fireEvent.keyDown(c, { key: 'Enter' });
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('leaves Enter alone while an input method is composing', () => {
    const submit = vi.fn();
    render(<ThreeFields onSubmit={submit} />);
    const c = screen.getByTestId('c');
    c.focus();
    fireEvent.keyDown(c, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(c, { key: 'Enter', keyCode: 229 });
    expect(submit).not.toHaveBeenCalled();
  });
});

describe('showFormError', () => {
  /** two rows of a list, as the 认领 dialog has them */
  function Rows({ onForm }: { onForm: (f: FormInstance) => void }) {
    const [form] = Form.useForm();
    onForm(form);
    return (
      <Form form={form} initialValues={{ shares: [{ claimantId: 'a', percent: 50 }, { claimantId: 'a', percent: 50 }] }}>
        <Form.List name="shares">
          {(fields) =>
            fields.map((f) => (
              <div key={f.key} data-testid={`row-${f.name}`}>
                <Form.Item name={[f.name, 'claimantId']}>
                  <Input />
                </Form.Item>
                <Form.Item name={[f.name, 'percent']}>
                  <Input />
                </Form.Item>
              </div>
            ))
          }
        </Form.List>
      </Form>
    );
  }

  it('puts main’s message for a list row (shares.1.claimantId) under that row’s field', async () => {
    expect(fieldPath('shares.1.claimantId')).toEqual(['shares', 1, 'claimantId']);
    expect(fieldPath('station.code')).toEqual(['station', 'code']);
    let form: FormInstance | null = null;
    render(<Rows onForm={(f) => (form = f)} />);
    const err = new ApiError('VALIDATION', '同一认领方只能出现一次', { 'shares.1.claimantId': '同一认领方只能出现一次' });
    let said: string | null = 'not called';
    act(() => {
      said = showFormError(form!, err, ['shares', 'shares.0.claimantId', 'shares.1.claimantId']);
    });
    // shown at the field, so no second copy above the form
    expect(said).toBeNull();
    expect(await screen.findByText('同一认领方只能出现一次')).toBeTruthy();
    expect(screen.getByTestId('row-1').textContent).toContain('同一认领方只能出现一次');
    expect(screen.getByTestId('row-0').textContent).not.toContain('同一认领方只能出现一次');
  });
});

describe('SetupScreen', () => {
  it('checks every field with the contract rules before calling main', async () => {
    render(
      <ConfigProvider locale={zhCN}>
        <SetupScreen />
      </ConfigProvider>,
    );
    expect(document.activeElement).toBe(screen.getByTestId('setup-station-code'));
    fireEvent.change(screen.getByTestId('setup-station-phone'), { target: { value: '12345' } });
    fireEvent.change(screen.getByTestId('setup-admin-password'), { target: { value: 'abcdefgh' } });
    fireEvent.change(screen.getByTestId('setup-admin-confirm'), { target: { value: 'abcdefgx' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('setup-submit'));
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(await screen.findByText('请填写站点编码')).toBeTruthy();
    expect(screen.getByText(/电话格式不正确/)).toBeTruthy();
    expect(screen.getByText('密码须同时包含字母和数字')).toBeTruthy();
    expect(screen.getByText('两次输入的密码不一致')).toBeTruthy();
    expect(screen.queryByTestId('setup-error')).toBeNull();
  });
});

describe('formatting', () => {
  it('shows instants in Asia/Shanghai whatever the PC zone', () => {
    // 07:04 UTC is 15:04 in Beijing; 2026-11-27 is a Friday
    expect(formatClock('2026-11-27T07:04:30Z')).toBe('2026年11月27日 星期五 15:04');
    expect(formatDateTime('2026-11-27T16:30:00Z')).toBe('2026-11-28 00:30');
    expect(formatDateTime(null)).toBe('—');
  });

  it('turns audit details into words', () => {
    const base = { seq: 1, at: '2026-11-27T07:04:30Z', actorId: 'x', actorName: '王秀兰', entityId: 'x' };
    expect(detailText({ ...base, action: 'staff.signInFailed', entity: 'staff', detail: { login: 'liming', reason: 'wrong-password', attempt: 2 } })).toBe(
      '登录名：liming；原因：密码错误；第几次：2',
    );
    expect(detailText({ ...base, action: 'station.update', entity: 'station', detail: { changed: ['name', 'phone'] } })).toBe('修改项：站点名称、联系电话');
    expect(detailText({ ...base, action: 'staff.create', entity: 'staff', detail: { role: 'head' } })).toBe('角色：站长');
  });
});

describe('browser-mode launch code', () => {
  it('takes the one-time code from the fragment once, clears the address bar and keeps nothing', () => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/index.html#launch=abc_DEF-123');
    expect(takeLaunchCodeFromLocation()).toBe('abc_DEF-123');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/index.html');
    // a reload has no fragment any more, and the used code was stored nowhere: the cookie carries the session
    expect(takeLaunchCodeFromLocation()).toBeNull();
    expect(window.sessionStorage.length).toBe(0);
    expect(window.localStorage.getItem('stationdesk.token')).toBeNull();
  });
});
