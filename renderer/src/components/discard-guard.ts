/**
 * Asking before a form with changes is thrown away (Esc, 取消, the close button): one
 * confirmation for every form dialog and drawer. "Changes" are fields the clerk touched;
 * values main or the form filled in by themselves do not count. The focus starts on
 * 继续填写, so a second Esc or an Enter by habit keeps the work; 放弃并关闭 is one Tab away.
 */
import { App, type ButtonProps, type FormInstance } from 'antd';
import { useCallback, useRef } from 'react';
import { DISCARD_KEEP, DISCARD_OK, DISCARD_TEXT, DISCARD_TITLE } from './strings';

export function useDiscardGuard<T>(form: FormInstance<T>, testId = 'discard'): (close: () => void) => void {
  const { modal } = App.useApp();
  const asking = useRef(false);
  return useCallback(
    (close: () => void) => {
      if (!form.isFieldsTouched()) {
        close();
        return;
      }
      // Esc pressed again while the question is up answers it; it must not stack a second one
      if (asking.current) return;
      asking.current = true;
      modal.confirm({
        title: DISCARD_TITLE,
        content: DISCARD_TEXT,
        okText: DISCARD_OK,
        cancelText: DISCARD_KEEP,
        okButtonProps: { danger: true, 'data-testid': `${testId}-ok` } as ButtonProps,
        cancelButtonProps: { 'data-testid': `${testId}-keep` } as ButtonProps,
        autoFocusButton: 'cancel',
        keyboard: true,
        // released after the answering key's own handlers ran (the same Esc may reach the form's dialog
        // too), but before the closing animation ends, so the next Esc is heard
        onOk: () => {
          setTimeout(() => (asking.current = false), 0);
          close();
        },
        onCancel: () => {
          setTimeout(() => (asking.current = false), 0);
        },
      });
    },
    [form, modal, testId],
  );
}
