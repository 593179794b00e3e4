/**
 * The dialogs behind a wish's buttons: a reason (不通过, 撤回, 取消认领), an approval note,
 * a joint claim with shares, the handover with its proof photo, the follow-up. Each is a
 * FormModal: Enter advances, Esc cancels, main's field errors land on their fields.
 */
import { Alert, Button, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useCallback, useRef, useState } from 'react';
import { CONFIRMATIONS, SATISFACTIONS, type Confirmation, type Satisfaction } from '../../../../common/wish-status';
import { MAX_PROOF_BYTES } from '../../../../common/contracts/wishes';
import { FormModal } from '../../components/FormModal';
import { HiddenFileInput } from '../../components/HiddenFileInput';
import { errorText } from '../../components/feedback';
import { useRequestId } from '../../request-id';
import { claimants, fileBase64, useLoad, wishes, type WishRecord } from './data';
import { ClaimantForm } from './ClaimantForm';
import * as S from './strings';
import { stationToday } from '../../stores/clock';

export type ActionKind = 'approve' | 'reject' | 'withdraw' | 'unclaim' | 'claim' | 'fulfil' | 'followUp';

interface Props {
  kind: ActionKind | null;
  record: WishRecord;
  onDone: (kind: ActionKind, record: WishRecord) => void;
  onClose: () => void;
}

export function WishActionDialog({ kind, record, onDone, onClose }: Props) {
  switch (kind) {
    case 'reject':
    case 'withdraw':
    case 'unclaim':
      return <ReasonDialog kind={kind} record={record} onDone={onDone} onClose={onClose} />;
    case 'approve':
      return <ApproveDialog record={record} onDone={onDone} onClose={onClose} />;
    case 'claim':
      return <ClaimDialog record={record} onDone={onDone} onClose={onClose} />;
    case 'fulfil':
      return <FulfilDialog record={record} onDone={onDone} onClose={onClose} />;
    case 'followUp':
      return <FollowUpDialog record={record} onDone={onDone} onClose={onClose} />;
    default:
      return null;
  }
}

type Sub = Omit<Props, 'kind'>;

const REASON_LABEL = { reject: S.R_REJECT, withdraw: S.R_WITHDRAW, unclaim: S.R_UNCLAIM } as const;
const REASON_TITLE = { reject: S.ACT_REJECT, withdraw: S.ACT_WITHDRAW, unclaim: S.ACT_UNCLAIM } as const;

function ReasonDialog({ kind, record, onDone, onClose }: Sub & { kind: 'reject' | 'withdraw' | 'unclaim' }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      title={`${REASON_TITLE[kind]} · ${record.wishNo}`}
      open
      form={form}
      fieldKeys={['reason']}
      okText={REASON_TITLE[kind]}
      testId={`wish-${kind}-dialog`}
      onClose={onClose}
      onSubmit={async ({ reason }) => {
        const call = kind === 'reject' ? wishes.reject : kind === 'withdraw' ? wishes.withdraw : wishes.unclaim;
        const r = await call(record.id, record.version, reason);
        onDone(kind, r.record);
      }}
    >
      <Form.Item name="reason" label={REASON_LABEL[kind]} rules={[{ required: true, whitespace: true, message: `请填写${REASON_LABEL[kind]}` }, { max: 200, message: `${REASON_LABEL[kind]}不能超过 200 个字` }]}>
        <Input.TextArea rows={3} autoFocus data-testid="wish-reason" />
      </Form.Item>
    </FormModal>
  );
}

function ApproveDialog({ record, onDone, onClose }: Sub) {
  const [form] = Form.useForm<{ note?: string }>();
  return (
    <FormModal<{ note?: string }>
      title={`${S.ACT_APPROVE} · ${record.wishNo}`}
      open
      form={form}
      fieldKeys={['note']}
      okText={S.ACT_APPROVE}
      testId="wish-approve-dialog"
      onClose={onClose}
      onSubmit={async ({ note }) => {
        const r = await wishes.approve(record.id, record.version, note?.trim() || undefined);
        onDone('approve', r.record);
      }}
    >
      <Typography.Paragraph>
        {record.title} · {record.valueYuan} 元
      </Typography.Paragraph>
      <Form.Item name="note" label={S.APPROVE_NOTE} rules={[{ max: 200, message: '审批意见不能超过 200 个字' }]}>
        <Input autoFocus data-testid="wish-approve-note" />
      </Form.Item>
    </FormModal>
  );
}

interface ClaimValues {
  shares: { claimantId?: string; percent?: number }[];
  promisedHandoverDate: string;
  note?: string;
}

function ClaimDialog({ record, onDone, onClose }: Sub) {
  const [form] = Form.useForm<ClaimValues>();
  const [requestId] = useRequestId();
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const load = useCallback(() => claimants.list({ ...(search.trim() ? { text: search.trim() } : {}) }), [search]);
  const list = useLoad(load);
  const shares = Form.useWatch('shares', form) ?? [];
  const total = shares.reduce((n, s) => n + (typeof s?.percent === 'number' ? s.percent : 0), 0);
  const options = (list.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.category}）` }));
  const fieldKeys = ['shares', 'promisedHandoverDate', 'note', ...Array.from({ length: 10 }, (_, i) => [`shares.${i}.claimantId`, `shares.${i}.percent`]).flat()];

  return (
    <>
      <FormModal<ClaimValues>
        title={`${S.C_TITLE} · ${record.wishNo}`}
        open
        width={640}
        form={form}
        fieldKeys={fieldKeys}
        okText={S.ACT_CLAIM}
        testId="wish-claim-dialog"
        initialValues={{ shares: [{ percent: 100 }], promisedHandoverDate: record.deadline }}
        onClose={onClose}
        onSubmit={async (v) => {
          const r = await wishes.claim({
            requestId,
            id: record.id,
            version: record.version,
            shares: v.shares.map((s) => ({ claimantId: s.claimantId ?? '', percent: s.percent ?? 0 })),
            promisedHandoverDate: v.promisedHandoverDate,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          });
          onDone('claim', r.record);
        }}
      >
        <Typography.Paragraph>
          {record.title} · {record.valueYuan} 元 · {record.beneficiaryMasked}
        </Typography.Paragraph>
        <Form.List
          name="shares"
          rules={[
            {
              validator: async (_r, v: ClaimValues['shares'] | undefined) => {
                const sum = (v ?? []).reduce((n, x) => n + (x?.percent ?? 0), 0);
                if (sum !== 100) throw new Error(S.C_TOTAL_BAD(sum));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="wish-claim-shares">
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[f.name, 'claimantId']}
                    label={i === 0 ? S.C_CLAIMANT : undefined}
                    rules={[
                      { required: true, message: '请选择认领方' },
                      ({ getFieldValue }) => ({
                        // main refuses it too (同一认领方只能出现一次); said here before the clerk submits
                        validator: async (_r, id: string | undefined) => {
                          const rows: ClaimValues['shares'] = getFieldValue('shares') ?? [];
                          if (id && rows.slice(0, f.name).some((row) => row?.claimantId === id)) throw new Error(S.C_DUPLICATE);
                        },
                      }),
                    ]}
                    // a pick is done when it is made: said at once, not when the field loses focus
                    validateTrigger={['onChange', 'onBlur']}
                    style={{ width: 340 }}
                  >
                    <Select
                      showSearch={{ filterOption: false, onSearch: setSearch }}
                      autoFocus={i === 0}
                      placeholder={S.C_CLAIMANT_PH}
                      options={options}
                      notFoundContent={list.loading ? '…' : S.CL_NONE}
                      data-testid={`wish-claim-claimant-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'percent']} label={i === 0 ? S.C_PERCENT : undefined} rules={[{ required: true, message: '请填写认领份额' }]}>
                    <InputNumber min={1} max={100} precision={0} style={{ width: 110 }} data-testid={`wish-claim-percent-${i}`} />
                  </Form.Item>
                  {fields.length > 1 && <Button icon={<DeleteOutlined />} aria-label={S.C_REMOVE} onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }} />}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Space style={{ marginBottom: 12 }}>
                <Button icon={<PlusOutlined />} disabled={fields.length >= 10} onClick={() => add({})} data-testid="wish-claim-add">
                  {S.C_ADD}
                </Button>
                <Button onClick={() => setAdding(true)} data-testid="wish-claim-new-claimant">
                  {S.C_NEW_CLAIMANT}
                </Button>
                <Typography.Text type={total === 100 ? 'success' : 'danger'} data-testid="wish-claim-total">
                  {total === 100 ? S.C_TOTAL(total) : S.C_TOTAL_BAD(total)}
                </Typography.Text>
              </Space>
            </div>
          )}
        </Form.List>
        <Form.Item name="promisedHandoverDate" label={S.C_PROMISED} rules={[{ required: true, message: '请填写承诺交接日期' }, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '承诺交接日期格式应为 年-月-日（如 2026-12-31）' }]}>
          <Input style={{ width: 180 }} data-testid="wish-claim-date" />
        </Form.Item>
        <Form.Item name="note" label={S.C_NOTE} rules={[{ max: 200, message: '备注不能超过 200 个字' }]}>
          <Input data-testid="wish-claim-note" />
        </Form.Item>
      </FormModal>
      <ClaimantForm
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(c) => {
          setAdding(false);
          void list.reload().then(() => {
            const cur: ClaimValues['shares'] = form.getFieldValue('shares') ?? [];
            const empty = cur.findIndex((s) => !s?.claimantId);
            const next = [...cur];
            if (empty >= 0) next[empty] = { ...next[empty], claimantId: c.id };
            else next.push({ claimantId: c.id });
            form.setFieldValue('shares', next);
          });
        }}
      />
    </>
  );
}

interface FulfilValues {
  handoverDate: string;
  delivered: string;
  confirmation: Confirmation;
  confirmerName?: string;
}

interface Uploaded {
  id: string;
  fileName: string;
}

function FulfilDialog({ record, onDone, onClose }: Sub) {
  const [form] = Form.useForm<FulfilValues>();
  const [proofs, setProofs] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const [proofError, setProofError] = useState<string | null>(null);
  const [uploadId, renewUploadId] = useRequestId();
  const fileRef = useRef<HTMLInputElement>(null);
  const confirmation = Form.useWatch('confirmation', form);

  async function upload(file: File) {
    setProofError(null);
    if (file.size > MAX_PROOF_BYTES) {
      setProofError(`文件不能超过 ${MAX_PROOF_BYTES / 1024 / 1024} MB`);
      return;
    }
    setUploading(true);
    try {
      const base64 = await fileBase64(file);
      const r = await wishes.uploadProof({ requestId: uploadId, id: record.id, fileName: file.name, base64 });
      renewUploadId();
      setProofs((p) => [...p, { id: r.proof.id, fileName: r.proof.fileName }]);
    } catch (err) {
      setProofError(errorText(err));
    } finally {
      setUploading(false);
    }
  }

  return (
    <FormModal<FulfilValues>
      title={`${S.FF_TITLE} · ${record.wishNo}`}
      open
      width={600}
      form={form}
      fieldKeys={['handoverDate', 'delivered', 'confirmation', 'confirmerName']}
      okText={S.ACT_FULFIL}
      testId="wish-fulfil-dialog"
      initialValues={{ handoverDate: stationToday(), delivered: record.title, confirmation: '本人签收' }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (proofs.length === 0) {
          setProofError(S.FF_PROOF_NONE);
          throw new Error(S.FF_PROOF_NONE);
        }
        try {
          const r = await wishes.fulfil({ id: record.id, version: record.version, handoverDate: v.handoverDate, delivered: v.delivered, proofIds: proofs.map((p) => p.id), confirmation: v.confirmation, ...(v.confirmerName?.trim() ? { confirmerName: v.confirmerName.trim() } : {}) });
          onDone('fulfil', r.record);
        } catch (err) {
          const f = (err as { fields?: Record<string, string> }).fields;
          if (f?.proofIds) setProofError(f.proofIds);
          throw err;
        }
      }}
    >
      <Form.Item name="handoverDate" label={S.FF_DATE} rules={[{ required: true, message: '请填写交接日期' }, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '交接日期格式应为 年-月-日（如 2026-12-31）' }]}>
        <Input style={{ width: 180 }} autoFocus data-testid="wish-fulfil-date" />
      </Form.Item>
      <Form.Item name="delivered" label={S.FF_DELIVERED} rules={[{ required: true, whitespace: true, message: '请填写交付物品/服务' }, { max: 200, message: '交付物品/服务不能超过 200 个字' }]}>
        <Input data-testid="wish-fulfil-delivered" />
      </Form.Item>
      <div className="ant-form-item" data-testid="wish-fulfil-proof">
        <div style={{ marginBottom: 6 }}>{S.FF_PROOF}</div>
        <Space wrap>
          <Button icon={<PaperClipOutlined />} loading={uploading} onClick={() => fileRef.current?.click()} data-testid="wish-fulfil-proof-pick">
            {uploading ? S.FF_PROOF_UPLOADING : S.FF_PROOF_PICK}
          </Button>
          {proofs.map((p) => (
            <Tag key={p.id} closable onClose={() => setProofs((x) => x.filter((y) => y.id !== p.id))} data-testid="wish-fulfil-proof-item">
              {p.fileName}
            </Tag>
          ))}
          <Typography.Text type="secondary">{S.FF_PROOF_HINT}</Typography.Text>
        </Space>
        <HiddenFileInput ref={fileRef} accept="image/jpeg,image/png,image/webp" onFile={(f) => void upload(f)} testId="wish-fulfil-proof-file" />
        {proofError && (
          <div className="ant-form-item-explain-error" role="alert" data-testid="wish-fulfil-proof-error">
            {proofError}
          </div>
        )}
      </div>
      <Form.Item name="confirmation" label={S.FF_CONFIRMATION} rules={[{ required: true, message: '请选择受助人确认方式' }]}>
        <Select style={{ width: 200 }} options={CONFIRMATIONS.map((c) => ({ value: c, label: c }))} data-testid="wish-fulfil-confirmation" />
      </Form.Item>
      {confirmation === '家属代为签收' && (
        <Form.Item name="confirmerName" label={S.FF_CONFIRMER} rules={[{ required: true, whitespace: true, message: '请填写代签人姓名' }]}>
          <Input style={{ width: 200 }} data-testid="wish-fulfil-confirmer" />
        </Form.Item>
      )}
      {proofs.length === 0 && !proofError && <Alert type="info" showIcon title={S.FF_PROOF_NONE} />}
    </FormModal>
  );
}

interface FollowUpValues {
  visitedOn: string;
  satisfaction: Satisfaction;
  note?: string;
}

function FollowUpDialog({ record, onDone, onClose }: Sub) {
  const [form] = Form.useForm<FollowUpValues>();
  return (
    <FormModal<FollowUpValues>
      title={`${S.FU_TITLE} · ${record.wishNo}`}
      open
      form={form}
      fieldKeys={['visitedOn', 'satisfaction', 'note']}
      okText={S.ACT_FOLLOW_UP}
      testId="wish-followup-dialog"
      initialValues={{ visitedOn: stationToday(), satisfaction: '满意' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await wishes.followUp({ id: record.id, version: record.version, visitedOn: v.visitedOn, satisfaction: v.satisfaction, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
        onDone('followUp', r.record);
      }}
    >
      <Form.Item name="visitedOn" label={S.FU_DATE} rules={[{ required: true, message: '请填写回访日期' }, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '回访日期格式应为 年-月-日（如 2026-12-31）' }]}>
        <Input style={{ width: 180 }} autoFocus data-testid="wish-followup-date" />
      </Form.Item>
      <Form.Item name="satisfaction" label={S.FU_SATISFACTION} rules={[{ required: true, message: '请选择满意度' }]}>
        <Select style={{ width: 160 }} options={SATISFACTIONS.map((c) => ({ value: c, label: c }))} data-testid="wish-followup-satisfaction" />
      </Form.Item>
      <Form.Item name="note" label={S.FU_NOTE} rules={[{ max: 300, message: '回访记录不能超过 300 个字' }]}>
        <Input.TextArea rows={3} data-testid="wish-followup-note" />
      </Form.Item>
    </FormModal>
  );
}
