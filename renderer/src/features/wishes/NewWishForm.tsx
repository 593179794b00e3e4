/**
 * 登记心愿: pick the beneficiary from the registry (key-service tags shown), then title,
 * category, value, source and deadline. Enter moves on, Ctrl+Enter submits; main's field
 * errors land next to their fields; one request id per wish, so a double submit makes one.
 */
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ResidentSummary } from '../../../../common/contracts/residents';
import { WISH_CATEGORIES, WISH_SOURCES, parseYuan, type WishCategory, type WishSource } from '../../../../common/wish-status';
import { enterAdvances, showFormError } from '../../components/forms';
import { notifySuccess } from '../../components/feedback';
import { useRequestId } from '../../request-id';
import { ResidentPicker, TagList } from '../residents';
import { useLoad, wishes, type WishRecord } from './data';
import * as S from './strings';
import { stationToday } from '../../stores/clock';

interface Values {
  title: string;
  description?: string;
  category: WishCategory;
  value: string;
  source: WishSource;
  deadline: string;
  publishNow: boolean;
}

const FIELD_KEYS = ['residentId', 'title', 'description', 'category', 'value', 'source', 'deadline'] as const;

export function NewWishForm({ onCreated }: { onCreated: (r: WishRecord) => void }) {
  const [form] = Form.useForm<Values>();
  const [resident, setResident] = useState<ResidentSummary | null>(null);
  const [requestId, renewRequestId] = useRequestId();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [residentError, setResidentError] = useState<string | null>(null);
  const settings = useLoad(wishes.settings);
  const titleRef = useRef<HTMLInputElement | null>(null);
  const value = Form.useWatch('value', form);
  const capFen = settings.data?.valueCapFen ?? null;
  const fen = typeof value === 'string' ? parseYuan(value) : null;
  const overCap = capFen !== null && fen !== null && fen > capFen;
  const today = useMemo(() => stationToday(), []);

  useEffect(() => {
    if (resident) titleRef.current?.focus();
  }, [resident]);

  async function submit(v: Values) {
    if (!resident) {
      setResidentError(S.F_BENEFICIARY_NONE);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const r = await wishes.create({ requestId, residentId: resident.id, title: v.title, description: v.description ?? '', category: v.category, value: v.value, source: v.source, deadline: v.deadline, publishNow: v.publishNow });
      renewRequestId();
      notifySuccess(r.awaitingApproval ? S.CREATED_AWAITING(r.record.wishNo) : r.record.status === 'published' ? S.CREATED_PUBLISHED(r.record.wishNo) : S.CREATED(r.record.wishNo));
      form.resetFields();
      setResident(null);
      onCreated(r.record);
    } catch (err) {
      const msg = showFormError(form, err, FIELD_KEYS);
      const fields = (err as { fields?: Record<string, string> }).fields;
      if (fields?.residentId) setResidentError(fields.residentId);
      setFormError(msg);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
      return;
    }
    enterAdvances(() => form.submit())(e);
  }

  return (
    <div className="sd-wish-new" data-testid="wish-new">
      <Card size="small" title={S.F_BENEFICIARY} className="sd-wish-card">
        {resident ? (
          <Space wrap data-testid="wish-beneficiary">
            <Typography.Text strong>{resident.name}</Typography.Text>
            <span className="sd-mono">{resident.idMasked}</span>
            <TagList tags={resident.tags} />
            <Button size="small" onClick={() => setResident(null)} data-testid="wish-beneficiary-change">
              {S.F_BENEFICIARY_CHANGE}
            </Button>
          </Space>
        ) : (
          <ResidentPicker
            placeholder={S.F_BENEFICIARY_PICK}
            onPick={(r) => {
              setResident(r);
              setResidentError(null);
            }}
          />
        )}
        {residentError && <div className="ant-form-item-explain-error" role="alert" data-testid="wish-beneficiary-error">{residentError}</div>}
      </Card>
      {formError && <Alert type="error" showIcon title={formError} style={{ margin: '12px 0' }} data-testid="wish-new-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        validateTrigger="onBlur"
        initialValues={{ category: '生活物资', source: '居民提出', publishNow: true, value: '' }}
        onFinish={(v) => void submit(v)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        style={{ marginTop: 12, maxWidth: 720 }}
      >
        <Form.Item name="title" label={S.F_TITLE} rules={[{ required: true, whitespace: true, message: `请填写${S.F_TITLE}` }, { max: 40, message: '心愿标题不能超过 40 个字' }]}>
          <Input ref={(el) => { titleRef.current = el?.input ?? null; }} placeholder={S.F_TITLE_PH} data-testid="wish-title" />
        </Form.Item>
        <Form.Item name="description" label={S.F_DESCRIPTION} rules={[{ max: 500, message: '心愿描述不能超过 500 个字' }]}>
          <Input.TextArea rows={2} placeholder={S.F_DESCRIPTION_PH} data-testid="wish-description" />
        </Form.Item>
        <Space size="large" wrap align="start">
          <Form.Item name="category" label={S.F_CATEGORY} rules={[{ required: true, message: '请选择心愿类别' }]}>
            <Select style={{ width: 160 }} options={WISH_CATEGORIES.map((c) => ({ value: c, label: c }))} data-testid="wish-category" />
          </Form.Item>
          <Form.Item
            name="value"
            label={S.F_VALUE}
            rules={[
              {
                validator: async (_r, v: unknown) => {
                  const t = typeof v === 'string' ? v.trim() : '';
                  if (t === '') throw new Error('请填写预估价值');
                  if (t.startsWith('-')) throw new Error('预估价值不能为负数');
                  if (parseYuan(t) === null) throw new Error('预估价值须为数字（元），最多两位小数');
                },
              },
            ]}
            extra={overCap && settings.data ? <span className="sd-wish-overcap" data-testid="wish-overcap">{S.OVER_CAP(settings.data.valueCapYuan)}</span> : undefined}
          >
            <Input style={{ width: 160 }} inputMode="decimal" suffix="元" data-testid="wish-value" />
          </Form.Item>
          <Form.Item name="source" label={S.F_SOURCE} rules={[{ required: true, message: '请选择心愿来源' }]}>
            <Select style={{ width: 160 }} options={WISH_SOURCES.map((c) => ({ value: c, label: c }))} data-testid="wish-source" />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={S.F_DEADLINE}
            rules={[
              { required: true, message: '请填写心愿截止日期' },
              {
                validator: async (_r, v: unknown) => {
                  if (typeof v !== 'string' || v === '') return;
                  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error('心愿截止日期格式应为 年-月-日（如 2026-12-31）');
                  if (v < today) throw new Error(S.DEADLINE_PAST);
                },
              },
            ]}
          >
            <Input style={{ width: 180 }} placeholder="2026-12-31" data-testid="wish-deadline" />
          </Form.Item>
        </Space>
        <Form.Item name="publishNow" valuePropName="checked">
          <Checkbox data-testid="wish-publish-now">{S.F_PUBLISH_NOW}</Checkbox>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="wish-create">
            {S.CREATE_OK}
          </Button>
          <Typography.Text type="secondary">{S.SUBMIT_HINT}</Typography.Text>
        </Space>
      </Form>
    </div>
  );
}
