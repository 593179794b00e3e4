/** 本机设置: county URL, printer, idle sign-out. Editable by 站长 and 管理员; others see them read-only. */
import { Alert, AutoComplete, Button, Descriptions, Form, Input, InputNumber, Radio, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { MachineSettings } from '../../../../common/contract';
import { can } from '../../../../common/roles';
import { api } from '../../api';
import { enterAdvances, zodRule } from '../../components/forms';
import { useApp } from '../../stores/app';
import { LoadError } from './LoadError';
import { useRecordForm } from './use-record-form';
import * as S from './strings';

const FIELD_KEYS = ['countyUrl', 'printer', 'receiptLayout', 'idleMinutes', 'exportKeepDays'] as const;
const LAYOUTS = Object.entries(S.RECEIPT_LAYOUTS).map(([value, label]) => ({ value, label }));
const shape = MachineSettings.shape;

export function MachineTab() {
  const role = useApp((s) => s.session?.staff.role);
  const setSettings = useApp((s) => s.setSettings);
  const editable = can(role, 'settings.edit');
  const [form] = Form.useForm<MachineSettings>();
  const { loaded, loadError, busy, formError, load, save } = useRecordForm<MachineSettings, MachineSettings>({
    form,
    load: () => api['settings.get']({}),
    save: (values) => api['settings.update'](values),
    onRecord: setSettings,
    fieldKeys: FIELD_KEYS,
    fill: editable,
  });
  const [printers, setPrinters] = useState<{ value: string; label: string }[]>([]);
  const [printerProblem, setPrinterProblem] = useState<string | null>(null);

  useEffect(() => {
    // The operating system's printers, offered as suggestions; a name can still be typed.
    api['printers.list']({})
      .then((list) => {
        setPrinters(list.printers.map((p) => ({ value: p.name, label: p.isDefault ? `${p.name}${S.PRINTER_DEFAULT}` : p.name })));
        setPrinterProblem(list.problem);
      })
      .catch(() => setPrinterProblem(S.PRINTER_LIST_FAILED));
  }, []);

  if (loadError) return <LoadError error={loadError} onRetry={load} />;
  if (!loaded) return <Spin />;
  if (!editable) return <MachineView settings={loaded} />;

  return (
    <div className="sd-form-narrow" data-testid="settings-machine">
      <Alert type="info" showIcon title={S.MACHINE_NOTE} style={{ marginBottom: 18 }} />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 14 }} />}
      <Form<MachineSettings>
        form={form}
        layout="vertical"
        requiredMark={false}
          scrollToFirstError={{ focus: true, block: 'nearest' }}
        initialValues={loaded}
        onFinish={save}
        onKeyDown={enterAdvances(() => form.submit())}
        name="machine"
        autoComplete="off"
      >
        <Form.Item label={S.COUNTY_URL} name="countyUrl" rules={[zodRule(shape.countyUrl)]} extra={S.COUNTY_URL_HELP}>
          <Input autoFocus placeholder={S.COUNTY_URL_PH} spellCheck={false} data-testid="settings-county-url" />
        </Form.Item>
        <Form.Item label={S.PRINTER} name="printer" rules={[zodRule(shape.printer)]} extra={printerProblem ?? S.PRINTER_HELP}>
          <AutoComplete options={printers} filterOption={(input, o) => (o?.value ?? '').toLowerCase().includes(input.toLowerCase())}>
            <Input placeholder={S.PRINTER_PH} maxLength={120} data-testid="settings-printer" />
          </AutoComplete>
        </Form.Item>
        <Form.Item label={S.RECEIPT_LAYOUT} name="receiptLayout" rules={[zodRule(shape.receiptLayout)]} extra={S.RECEIPT_LAYOUT_HELP}>
          <Radio.Group options={LAYOUTS} optionType="button" data-testid="settings-receipt-layout" />
        </Form.Item>
        <Form.Item label={S.IDLE} extra={S.IDLE_HELP} required={false}>
          <Space.Compact>
            <Form.Item name="idleMinutes" noStyle rules={[zodRule(shape.idleMinutes)]}>
              <InputNumber min={1} max={240} precision={0} style={{ width: 120 }} data-testid="settings-idle-minutes" aria-label={S.IDLE} />
            </Form.Item>
            <Space.Addon>{S.IDLE_UNIT}</Space.Addon>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={S.EXPORT_KEEP} extra={S.EXPORT_KEEP_HELP} required={false}>
          <Space.Compact>
            <Form.Item name="exportKeepDays" noStyle rules={[zodRule(shape.exportKeepDays)]}>
              <InputNumber min={1} max={365} precision={0} style={{ width: 120 }} data-testid="settings-export-keep-days" aria-label={S.EXPORT_KEEP} />
            </Form.Item>
            <Space.Addon>{S.EXPORT_KEEP_UNIT}</Space.Addon>
          </Space.Compact>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">
            {S.SAVE}
          </Button>
          <Button htmlType="button" onClick={() => form.setFieldsValue(loaded)}>
            {S.RESET}
          </Button>
        </Space>
      </Form>
    </div>
  );
}

/** What a 窗口人员 sees: the same settings, as text. */
function MachineView({ settings }: { settings: MachineSettings }) {
  return (
    <div className="sd-form-narrow" data-testid="settings-machine">
      <Alert type="warning" showIcon title={S.READ_ONLY} style={{ marginBottom: 16 }} data-testid="settings-readonly" />
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 160 } }}>
        <Descriptions.Item label={S.COUNTY_URL}>
          <span data-testid="settings-county-url">{settings.countyUrl || S.COUNTY_NOT_SET}</span>
        </Descriptions.Item>
        <Descriptions.Item label={S.PRINTER}>
          <span data-testid="settings-printer">{settings.printer || S.PRINTER_NOT_SET}</span>
        </Descriptions.Item>
        <Descriptions.Item label={S.RECEIPT_LAYOUT}>
          <span data-testid="settings-receipt-layout">{S.RECEIPT_LAYOUTS[settings.receiptLayout]}</span>
        </Descriptions.Item>
        <Descriptions.Item label={S.IDLE}>
          <span data-testid="settings-idle-minutes">
            {settings.idleMinutes} {S.IDLE_UNIT}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={S.EXPORT_KEEP}>
          <span data-testid="settings-export-keep-days">
            {settings.exportKeepDays} {S.EXPORT_KEEP_UNIT}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
