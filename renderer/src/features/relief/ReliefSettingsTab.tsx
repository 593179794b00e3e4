/**
 * 设置 → 社会救助: the 低保 standard (the county's pushes marked 县级下发 with their date, a
 * standard recorded by hand until the county pushes one), the asset limits and every time
 * limit, each with its default from the 最低生活保障审核确认办法 (2021) next to it. The
 * 站长 and the administrator change them (settings.edit); everyone else reads them.
 */
import { Alert, Button, Input, InputNumber, Radio, Space, Spin, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ReliefSettings as SettingsSchema } from '../../../../common/contracts/relief';
import { DEFAULT_ASSET_LIMITS, DEFAULT_TIME_LIMITS } from '../../../../common/relief-deadlines';
import { standardOn } from '../../../../common/relief-means';
import { can } from '../../../../common/roles';
import { formatDateTime } from '../../../../common/time';
import { ApiError } from '../../api';
import { errorText, notifySuccess } from '../../components/feedback';
import { useApp } from '../../stores/app';
import { FieldErr, type FieldErrors } from './FieldErr';
import { reliefData, type ReliefSettings } from './data';
import * as S from './strings';
import './relief.css';
import { stationToday } from '../../stores/clock';

type Time = ReliefSettings['time'];
type Limits = ReliefSettings['limits'];
type NumLimit = Exclude<keyof Limits, 'businessAllowed'>;

const TIME_FIELDS: { key: keyof Time; label: string; natural?: boolean }[] = [
  { key: 'investigateWorkdays', label: '入户调查（自受理起）' },
  { key: 'reviewWorkdays', label: '民主评议（自受理起，需要时）' },
  { key: 'opinionWorkdays', label: '提出初审意见（自受理起）' },
  { key: 'publicityDays', label: '公示期', natural: true },
  { key: 'forwardWorkdays', label: '报县审批（自受理起）' },
  { key: 'decisionWorkdays', label: '审核确认办结（自受理起）' },
  { key: 'extendedWorkdays', label: '延期后办结（自受理起）' },
  { key: 'refusalNoticeWorkdays', label: '不予批准书面告知（自县级决定起）' },
  { key: 'emergencyFollowWorkdays', label: '先行救助后补办手续' },
  { key: 'dueSoonWorkdays', label: '提前提醒“即将到期”' },
];
const LIMIT_FIELDS: { key: NumLimit; label: string; unit: string }[] = [
  { key: 'maxHousing', label: '家庭自有住房上限', unit: '套' },
  { key: 'maxVehicles', label: '机动车辆上限（残疾人功能性补偿代步车除外）', unit: '辆' },
  { key: 'financialMonths', label: '人均存款和有价证券上限（相当于低保标准的月数）', unit: '个月' },
];

const range = (n: { minValue: number | null; maxValue: number | null }) => ({ min: n.minValue ?? 0, max: n.maxValue ?? 999 });
const unitOf = (f: { natural?: boolean }) => (f.natural ? S.NATURAL_DAYS : S.WORKDAYS);

/** Chinese messages for what the form holds, keyed like main's fields (time.x, limits.x). */
function check(time: Record<keyof Time, number | null>, limits: Record<NumLimit, number | null>): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of TIME_FIELDS) {
    const v = time[f.key];
    const r = range(SettingsSchema.shape.time.shape[f.key]);
    if (v === null) errors[`time.${f.key}`] = S.SET_REQUIRED(f.label);
    else if (!Number.isInteger(v) || v < r.min || v > r.max) errors[`time.${f.key}`] = S.SET_RANGE(f.label, r.min, r.max);
  }
  for (const f of LIMIT_FIELDS) {
    const v = limits[f.key];
    const r = range(SettingsSchema.shape.limits.shape[f.key]);
    if (v === null) errors[`limits.${f.key}`] = S.SET_REQUIRED(f.label);
    else if (!Number.isInteger(v) || v < r.min || v > r.max) errors[`limits.${f.key}`] = S.SET_RANGE(f.label, r.min, r.max);
  }
  if (!errors['time.extendedWorkdays'] && time.extendedWorkdays !== null && time.decisionWorkdays !== null && time.extendedWorkdays < time.decisionWorkdays) errors['time.extendedWorkdays'] = S.SET_EXTENDED_SHORT;
  return errors;
}

/** main's fields, with its whole-object 'time' refusal put under the field it is about. */
function fieldsOf(err: unknown): FieldErrors {
  if (!(err instanceof ApiError) || !err.fields) return {};
  const f = { ...err.fields };
  if (f.time) f['time.extendedWorkdays'] = err.message;
  return f;
}

function StandardForm({ onSaved }: { onSaved: (s: ReliefSettings) => void }) {
  const [amount, setAmount] = useState<number | null>(null);
  const [from, setFrom] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function save() {
    const e: FieldErrors = {};
    if (amount === null || !(amount > 0) || Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) e['standard.amount'] = S.SET_AMOUNT_BAD;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from.trim())) e['standard.effectiveFrom'] = S.SET_FROM_BAD;
    if (!source.trim()) e['standard.source'] = S.SET_REQUIRED(S.SET_SOURCE);
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      const s = await reliefData.updateSettings({ standard: { amount: amount!, effectiveFrom: from.trim(), source: source.trim() } });
      setAmount(null);
      setFrom('');
      setSource('');
      notifySuccess(S.SET_SAVED);
      onSaved(s);
    } catch (err) {
      const f = fieldsOf(err);
      setErrors(Object.keys(f).length > 0 ? f : { 'standard.amount': errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sd-relief-settings-form" data-testid="relief-settings-standard-form">
      <label>
        <span>{S.SET_AMOUNT}</span>
        <InputNumber<number> value={amount} min={0} precision={2} style={{ width: 160 }} onChange={setAmount} onPressEnter={() => void save()} data-testid="relief-settings-amount" />
        <FieldErr errors={errors} at="standard.amount" />
      </label>
      <label>
        <span>{S.SET_FROM}</span>
        <Input value={from} placeholder="年-月-日" style={{ width: 150 }} maxLength={10} onChange={(e) => setFrom(e.target.value)} onPressEnter={() => void save()} data-testid="relief-settings-from" />
        <FieldErr errors={errors} at="standard.effectiveFrom" />
      </label>
      <label className="sd-relief-settings-grow">
        <span>{S.SET_SOURCE}</span>
        <Input value={source} placeholder={S.SET_SOURCE_PH} maxLength={100} onChange={(e) => setSource(e.target.value)} onPressEnter={() => void save()} data-testid="relief-settings-source" />
        <FieldErr errors={errors} at="standard.source" />
      </label>
      <Button type="primary" loading={busy} onClick={() => void save()} data-testid="relief-settings-record">
        {S.SET_RECORD}
      </Button>
    </div>
  );
}

export function ReliefSettingsTab() {
  const editable = useApp((s) => can(s.session?.staff.role, 'settings.edit'));
  const [s, setS] = useState<ReliefSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [time, setTime] = useState<Record<keyof Time, number | null> | null>(null);
  const [limits, setLimits] = useState<(Record<NumLimit, number | null> & { businessAllowed: boolean }) | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const take = (x: ReliefSettings) => {
    setS(x);
    setTime({ ...x.time });
    setLimits({ ...x.limits });
  };
  const load = useCallback(() => {
    reliefData.settings().then(
      (x) => (take(x), setLoadError(null)),
      (err: unknown) => setLoadError(errorText(err)),
    );
  }, []);
  useEffect(load, [load]);

  if (loadError) return <Alert type="error" showIcon message={loadError} action={<Button size="small" onClick={load}>{S.RETRY}</Button>} />;
  if (!s || !time || !limits) return <Spin />;

  const today = stationToday();
  const inForce = standardOn(s.standards, today);
  const countyHeld = s.standards.some((x) => x.origin === 'county');
  const rows = [...s.standards].reverse().map((x, i) => ({ ...x, key: `${x.effectiveFrom}-${x.recordedAt}-${i}` }));

  async function save() {
    const e = check(time!, limits!);
    setErrors(e);
    setFormError(null);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      take(await reliefData.updateSettings({ time: time as Time, limits: limits as Limits }));
      notifySuccess(S.SET_SAVED);
    } catch (err) {
      setErrors(fieldsOf(err));
      setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sd-relief-settings" data-testid="relief-settings">
      {!editable && <Alert type="info" showIcon message={S.SET_READONLY} />}
      <section className="sd-panel sd-relief-section" aria-label={S.SET_STANDARD}>
        <div className="sd-relief-sub">{S.SET_STANDARD}</div>
        <div className="sd-relief-muted">{S.SET_STANDARD_HINT}</div>
        {inForce ? (
          <div className="sd-relief-settings-now" data-testid="relief-settings-in-force">
            {S.SET_IN_FORCE}：<b>{S.YUAN(inForce.fen)}</b> 元/人·月（{inForce.effectiveFrom} 起，{inForce.source}）
          </div>
        ) : (
          <Alert type="warning" showIcon message={S.SET_STANDARD_NONE} data-testid="relief-settings-no-standard" />
        )}
        {rows.length > 0 && (
          <Table
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="relief-settings-standards"
            columns={[
              { title: S.SET_COL_AMOUNT, render: (_, r) => S.YUAN(r.fen) },
              { title: S.SET_COL_FROM, dataIndex: 'effectiveFrom' },
              { title: S.SET_COL_SOURCE, dataIndex: 'source' },
              {
                title: S.SET_COL_ORIGIN,
                render: (_, r) =>
                  r.origin === 'county' ? <Tag color="blue">{S.SET_ORIGIN_COUNTY(formatDateTime(r.recordedAt))}</Tag> : <Tag>{S.SET_ORIGIN_STATION(formatDateTime(r.recordedAt))}</Tag>,
              },
            ]}
          />
        )}
        {editable && (
          <>
            {countyHeld && <div className="sd-relief-muted">{S.SET_STANDARD_COUNTY_HELD}</div>}
            <StandardForm onSaved={take} />
          </>
        )}
      </section>

      <section className="sd-panel sd-relief-section" aria-label={S.SET_LIMITS}>
        <div className="sd-relief-sub">{S.SET_LIMITS}</div>
        <div className="sd-relief-settings-grid">
          {LIMIT_FIELDS.map((f) => {
            const r = range(SettingsSchema.shape.limits.shape[f.key]);
            return (
              <label key={f.key} data-testid={`relief-settings-limits-${f.key}`}>
                <span>{f.label}</span>
                <Space>
                  <InputNumber<number> value={limits[f.key]} min={r.min} max={r.max} precision={0} disabled={!editable} style={{ width: 110 }} addonAfter={f.unit} onChange={(v) => setLimits({ ...limits, [f.key]: v })} data-testid={`relief-settings-${f.key}`} />
                  <span className="sd-relief-muted">{S.SET_DEFAULT(`${DEFAULT_ASSET_LIMITS[f.key]} ${f.unit}`)}</span>
                </Space>
                <FieldErr errors={errors} at={`limits.${f.key}`} />
              </label>
            );
          })}
          <label data-testid="relief-settings-limits-businessAllowed">
            <span>登记经营性企业（法定代表人、股东）</span>
            <Space>
              <Radio.Group value={limits.businessAllowed} disabled={!editable} onChange={(e) => setLimits({ ...limits, businessAllowed: e.target.value as boolean })}>
                <Radio value={false}>{S.SET_BUSINESS_NO}</Radio>
                <Radio value={true}>{S.SET_BUSINESS_YES}</Radio>
              </Radio.Group>
              <span className="sd-relief-muted">{S.SET_DEFAULT(DEFAULT_ASSET_LIMITS.businessAllowed ? S.SET_BUSINESS_YES : S.SET_BUSINESS_NO)}</span>
            </Space>
          </label>
        </div>
      </section>

      <section className="sd-panel sd-relief-section" aria-label={S.SET_TIME}>
        <div className="sd-relief-sub">{S.SET_TIME}</div>
        <div className="sd-relief-muted">{S.SET_BASIS}</div>
        <div className="sd-relief-settings-grid">
          {TIME_FIELDS.map((f) => {
            const r = range(SettingsSchema.shape.time.shape[f.key]);
            return (
              <label key={f.key} data-testid={`relief-settings-time-${f.key}`}>
                <span>{f.label}</span>
                <Space>
                  <InputNumber<number> value={time[f.key]} min={r.min} max={r.max} precision={0} disabled={!editable} style={{ width: 130 }} addonAfter={unitOf(f)} onChange={(v) => setTime({ ...time, [f.key]: v })} data-testid={`relief-settings-${f.key}`} />
                  <span className="sd-relief-muted">{S.SET_DEFAULT(`${DEFAULT_TIME_LIMITS[f.key]} 个${unitOf(f)}`)}</span>
                </Space>
                <FieldErr errors={errors} at={`time.${f.key}`} />
              </label>
            );
          })}
        </div>
      </section>

      {editable && (
        <div className="sd-relief-settings-save">
          {formError && <Alert type="error" showIcon message={formError} data-testid="relief-settings-error" />}
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="relief-settings-save">
            {S.SET_SAVE}
          </Button>
        </div>
      )}
    </div>
  );
}
