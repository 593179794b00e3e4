/** First run: the station's own details and its first administrator, in one form (setup.init). */
import { Alert, Button, Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { Login, Password, StaffName, StationInput } from '../../../../common/contract';
import { api } from '../../api';
import { notifySuccess } from '../../components/feedback';
import { enterAdvances, sameAsRule, showFormError, zodRule } from '../../components/forms';
import { useApp } from '../../stores/app';
import { BrandLine, EntryFrame } from './EntryFrame';
import * as S from './strings';

interface SetupValues {
  station: { code: string; name: string; county: string; address: string; phone: string };
  admin: { name: string; login: string; password: string };
  confirm: string;
}

const FIELD_KEYS = [
  'station.code',
  'station.name',
  'station.county',
  'station.address',
  'station.phone',
  'admin.name',
  'admin.login',
  'admin.password',
] as const;

const station = StationInput.shape;

export function SetupScreen() {
  const [form] = Form.useForm<SetupValues>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const completeSetup = useApp((s) => s.completeSetup);
  const dataDir = useApp((s) => s.info?.dataDir);

  async function submit(values: SetupValues) {
    setBusy(true);
    setFormError(null);
    try {
      const session = await api['setup.init']({ station: values.station, admin: values.admin });
      await completeSetup(session);
      notifySuccess(S.SETUP_DONE);
    } catch (err) {
      setFormError(showFormError(form, err, FIELD_KEYS));
      setBusy(false);
    }
  }

  return (
    <EntryFrame
      foot={
        dataDir && (
          <div>
            {S.DATA_DIR}
            <span className="sd-mono" data-testid="setup-data-dir">
              {dataDir}
            </span>
          </div>
        )
      }
    >
      <div className="sd-entry-card sd-setup-card" data-testid="setup-screen">
        <div className="sd-setup-head">
          <BrandLine title={S.SETUP_TITLE} sub={S.SETUP_SUB} />
          <span className="sd-steps-hint">{S.SETUP_STEP}</span>
        </div>
        <Form<SetupValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          scrollToFirstError={{ focus: true, block: 'nearest' }}
          validateTrigger="onBlur"
          onFinish={submit}
          onKeyDown={enterAdvances(() => form.submit())}
          name="setup"
          autoComplete="off"
          aria-label={S.SETUP_TITLE}
        >
          <div className="sd-setup-body">
            {formError && (
              <Alert type="error" showIcon title={S.SETUP_FAILED} description={formError} style={{ marginBottom: 14 }} data-testid="setup-error" />
            )}
            <Row gutter={40}>
              <Col xs={24} md={12}>
                <h2 className="sd-section-title">{S.SECTION_STATION}</h2>
                <p className="sd-section-note">{S.SECTION_STATION_NOTE}</p>
                <Form.Item label={S.STATION_CODE} name={['station', 'code']} rules={[zodRule(station.code)]}>
                  <Input autoFocus maxLength={20} placeholder={S.STATION_CODE_PH} data-testid="setup-station-code" />
                </Form.Item>
                <Form.Item label={S.STATION_NAME} name={['station', 'name']} rules={[zodRule(station.name)]}>
                  <Input maxLength={60} placeholder={S.STATION_NAME_PH} data-testid="setup-station-name" />
                </Form.Item>
                <Form.Item label={S.STATION_COUNTY} name={['station', 'county']} rules={[zodRule(station.county)]}>
                  <Input maxLength={40} placeholder={S.STATION_COUNTY_PH} data-testid="setup-station-county" />
                </Form.Item>
                <Form.Item label={S.STATION_ADDRESS} name={['station', 'address']} rules={[zodRule(station.address)]}>
                  <Input maxLength={120} placeholder={S.STATION_ADDRESS_PH} data-testid="setup-station-address" />
                </Form.Item>
                <Form.Item label={S.STATION_PHONE} name={['station', 'phone']} rules={[zodRule(station.phone)]}>
                  <Input maxLength={24} placeholder={S.STATION_PHONE_PH} inputMode="tel" data-testid="setup-station-phone" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <h2 className="sd-section-title">{S.SECTION_ADMIN}</h2>
                <p className="sd-section-note">{S.SECTION_ADMIN_NOTE}</p>
                <Form.Item label={S.ADMIN_NAME} name={['admin', 'name']} rules={[zodRule(StaffName)]}>
                  <Input maxLength={30} placeholder={S.ADMIN_NAME_PH} data-testid="setup-admin-name" />
                </Form.Item>
                <Form.Item label={S.ADMIN_LOGIN} name={['admin', 'login']} rules={[zodRule(Login)]}>
                  <Input maxLength={32} placeholder={S.ADMIN_LOGIN_PH} autoCapitalize="off" spellCheck={false} data-testid="setup-admin-login" />
                </Form.Item>
                <Form.Item label={S.ADMIN_PASSWORD} name={['admin', 'password']} rules={[zodRule(Password)]}>
                  <Input.Password maxLength={128} placeholder={S.ADMIN_PASSWORD_PH} autoComplete="new-password" data-testid="setup-admin-password" />
                </Form.Item>
                <Form.Item
                  label={S.ADMIN_CONFIRM}
                  name="confirm"
                  dependencies={[['admin', 'password']]}
                  rules={[{ required: true, message: S.CONFIRM_REQUIRED }, sameAsRule(['admin', 'password'], S.PASSWORD_MISMATCH)]}
                >
                  <Input.Password maxLength={128} placeholder={S.ADMIN_CONFIRM_PH} autoComplete="new-password" data-testid="setup-admin-confirm" />
                </Form.Item>
              </Col>
            </Row>
          </div>
          <div className="sd-setup-foot">
            <span className="sd-steps-hint">{S.KEY_HINT}</span>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="setup-submit" style={{ minWidth: 128 }}>
              {S.SETUP_SUBMIT}
            </Button>
          </div>
        </Form>
      </div>
    </EntryFrame>
  );
}
