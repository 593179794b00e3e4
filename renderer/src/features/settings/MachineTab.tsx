/** 本机设置: county URL, printer, idle sign-out. Editable by 站长 and 管理员; others see them read-only. */
import { Alert, Button, Form, Input, InputNumber, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { MachineSettings } from '../../../../common/contract';
import { can } from '../../../../common/roles';
import { api } from '../../api';
import { notifySuccess } from '../../components/feedback';
import { enterAdvances, showFormError, zodRule } from '../../components/forms';
import { useApp } from '../../stores/app';
import { LoadError } from './LoadError';
import * as S from './strings';

const FIELD_KEYS = ['countyUrl', 'printer', 'idleMinutes'] as const;
const shape = MachineSettings.shape;

export function MachineTab() {
  const role = useApp((s) => s.session?.staff.role);
  const setSettings = useApp((s) => s.setSettings);
  const editable = can(role, 'settings.edit');
  const [form] = Form.useForm<MachineSettings>();
  const [loaded, setLoaded] = useState<MachineSettings | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function load() {
    setLoadError(null);
    try {
      const s = await api['settings.get']({});
      setLoaded(s);
      setSettings(s);
    } catch (err) {
      setLoadError(err);
    }
  }

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (loaded) form.setFieldsValue(loaded);
  }, [loaded, form]);

  async function save(values: MachineSettings) {
    setBusy(true);
    setFormError(null);
    try {
      const saved = await api['settings.update'](values);
      setLoaded(saved);
      setSettings(saved);
      notifySuccess(S.SAVED);
    } catch (err) {
      setFormError(showFormError(form, err, FIELD_KEYS));
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <LoadError error={loadError} onRetry={load} />;
  if (!loaded) return <Spin />;

  return (
    <div className="sd-form-narrow" data-testid="settings-machine">
      <Alert type={editable ? 'info' : 'warning'} showIcon title={editable ? S.MACHINE_NOTE : S.READ_ONLY} style={{ marginBottom: 18 }} data-testid={editable ? undefined : 'settings-readonly'} />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 14 }} />}
      <Form<MachineSettings>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={!editable}
        initialValues={loaded}
        onFinish={save}
        onKeyDown={enterAdvances(() => form.submit())}
        name="machine"
        autoComplete="off"
      >
        <Form.Item label={S.COUNTY_URL} name="countyUrl" rules={[zodRule(shape.countyUrl)]} extra={S.COUNTY_URL_HELP}>
          <Input autoFocus={editable} placeholder={S.COUNTY_URL_PH} spellCheck={false} data-testid="settings-county-url" />
        </Form.Item>
        <Form.Item label={S.PRINTER} name="printer" rules={[zodRule(shape.printer)]} extra={S.PRINTER_HELP}>
          <Input placeholder={S.PRINTER_PH} maxLength={120} data-testid="settings-printer" />
        </Form.Item>
        <Form.Item label={S.IDLE} extra={S.IDLE_HELP} required={false}>
          <Space.Compact>
            <Form.Item name="idleMinutes" noStyle rules={[zodRule(shape.idleMinutes)]}>
              <InputNumber min={1} max={240} precision={0} style={{ width: 120 }} data-testid="settings-idle-minutes" aria-label={S.IDLE} />
            </Form.Item>
            <Space.Addon>{S.IDLE_UNIT}</Space.Addon>
          </Space.Compact>
        </Form.Item>
        {editable && (
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">
              {S.SAVE}
            </Button>
            <Button htmlType="button" onClick={() => form.setFieldsValue(loaded)}>
              {S.RESET}
            </Button>
          </Space>
        )}
      </Form>
    </div>
  );
}
