/**
 * A dialog holding one form: Enter advances and submits, Esc cancels (asking first when
 * the clerk changed something), main's field errors land on their fields, anything else
 * in an alert at the top.
 */
import { Alert, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { enterAdvances, showFormError } from './forms';
import { useDiscardGuard } from './discard-guard';
import { FORM_CANCEL, FORM_SAVE } from './strings';

interface Props<T> {
  title: ReactNode;
  open: boolean;
  form: FormInstance<T>;
  /** form field paths main may name in error.fields ("login", "password") */
  fieldKeys: readonly string[];
  initialValues?: Partial<T>;
  okText?: string;
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  width?: number;
}

export function FormModal<T extends object>({ title, open, form, fieldKeys, initialValues, okText, onSubmit, onClose, children, testId, width = 480 }: Props<T>) {
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const guard = useDiscardGuard(form, `${testId}-discard`);

  async function finish(values: T) {
    setBusy(true);
    setFormError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (err) {
      setFormError(showFormError(form, err, fieldKeys));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={title}
      open={open}
      width={width}
      destroyOnHidden
      mask={{ closable: false }}
      okText={okText ?? FORM_SAVE}
      cancelText={FORM_CANCEL}
      okButtonProps={{ loading: busy, 'data-testid': `${testId}-ok` } as ButtonProps}
      cancelButtonProps={{ 'data-testid': `${testId}-cancel` } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={() => guard(onClose)}
      afterClose={() => setFormError(null)}
    >
      <div data-testid={testId}>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 14 }} data-testid={`${testId}-error`} />}
        <Form<T>
          form={form}
          layout="vertical"
          requiredMark={false}
          scrollToFirstError={{ focus: true, block: 'nearest' }}
          validateTrigger="onBlur"
          initialValues={initialValues}
          onFinish={finish}
          onKeyDown={enterAdvances(() => form.submit())}
          autoComplete="off"
          preserve={false}
        >
          {children}
        </Form>
      </div>
    </Modal>
  );
}
