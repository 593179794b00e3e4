/** 站点信息: administrators edit it (station.update); everyone else sees it. */
import { Alert, Button, Descriptions, Form, Input, Space, Spin } from 'antd';
import { StationInput, type Station } from '../../../../common/contract';
import { can } from '../../../../common/roles';
import { api } from '../../api';
import { enterAdvances, zodRule } from '../../components/forms';
import { formatDateTime } from '../../format';
import { useApp } from '../../stores/app';
import { LoadError } from './LoadError';
import { useRecordForm } from './use-record-form';
import * as S from './strings';

const FIELD_KEYS = ['code', 'name', 'county', 'address', 'phone'] as const;
const shape = StationInput.shape;

function StationView({ station }: { station: Station | null }) {
  if (!station) return <Alert type="info" showIcon title={S.STATION_EMPTY} />;
  return (
    <Descriptions column={1} bordered size="small" styles={{ label: { width: 160 } }} data-testid="station-view">
      <Descriptions.Item label={S.STATION_CODE}>{station.code}</Descriptions.Item>
      <Descriptions.Item label={S.STATION_NAME}>{station.name}</Descriptions.Item>
      <Descriptions.Item label={S.STATION_COUNTY}>{station.county}</Descriptions.Item>
      <Descriptions.Item label={S.STATION_ADDRESS}>{station.address}</Descriptions.Item>
      <Descriptions.Item label={S.STATION_PHONE}>{station.phone}</Descriptions.Item>
      <Descriptions.Item label={S.STATION_UPDATED_AT}>{formatDateTime(station.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

function StationEditor() {
  const setStation = useApp((s) => s.setStation);
  const [form] = Form.useForm<StationInput>();
  const { loaded, loadError, busy, formError, load, save } = useRecordForm<Station, StationInput>({
    form,
    load: () => api['station.get']({}),
    save: (values) => api['station.update'](values),
    onRecord: setStation,
    fieldKeys: FIELD_KEYS,
  });

  if (loadError) return <LoadError error={loadError} onRetry={load} />;
  if (loaded === undefined) return <Spin />;

  return (
    <div className="sd-form-narrow" data-testid="settings-station">
      <Alert type="info" showIcon title={S.STATION_NOTE} style={{ marginBottom: 18 }} />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 14 }} />}
      <Form<StationInput>
        form={form}
        layout="vertical"
        requiredMark={false}
          scrollToFirstError={{ focus: true, block: 'nearest' }}
        validateTrigger="onBlur"
        initialValues={loaded ?? undefined}
        onFinish={save}
        onKeyDown={enterAdvances(() => form.submit())}
        name="station"
        autoComplete="off"
      >
        <Form.Item label={S.STATION_CODE} name="code" rules={[zodRule(shape.code)]}>
          <Input maxLength={20} data-testid="station-code" />
        </Form.Item>
        <Form.Item label={S.STATION_NAME} name="name" rules={[zodRule(shape.name)]}>
          <Input autoFocus maxLength={60} data-testid="station-name" />
        </Form.Item>
        <Form.Item label={S.STATION_COUNTY} name="county" rules={[zodRule(shape.county)]}>
          <Input maxLength={40} data-testid="station-county" />
        </Form.Item>
        <Form.Item label={S.STATION_ADDRESS} name="address" rules={[zodRule(shape.address)]}>
          <Input maxLength={120} data-testid="station-address" />
        </Form.Item>
        <Form.Item label={S.STATION_PHONE} name="phone" rules={[zodRule(shape.phone)]}>
          <Input maxLength={24} data-testid="station-phone" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="station-save">
            {S.SAVE}
          </Button>
          <Button htmlType="button" onClick={() => loaded && form.setFieldsValue(loaded)}>
            {S.RESET}
          </Button>
        </Space>
      </Form>
    </div>
  );
}

export function StationTab() {
  const role = useApp((s) => s.session?.staff.role);
  const station = useApp((s) => s.info?.station ?? null);
  if (can(role, 'station.edit')) return <StationEditor />;
  return (
    <div className="sd-form-narrow" data-testid="settings-station">
      <Alert type="warning" showIcon title={S.STATION_READ_ONLY} style={{ marginBottom: 16 }} data-testid="settings-readonly" />
      <StationView station={station} />
    </div>
  );
}
