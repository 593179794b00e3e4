/**
 * One wish: what it is, for whom, its steps so far, the claim with its shares, the handover
 * with its proof and the follow-up — and the buttons for the steps main accepts from here
 * (record.next), 审批/不通过 only for the 站长. Each paper opens in the document preview.
 */
import { Alert, Button, Descriptions, Drawer, Empty, Image, Space, Spin, Table, Timeline, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { WISH_STATUS_LABELS, WISH_STEP_LABELS, type WishStep } from '../../../../common/wish-status';
import { can } from '../../../../common/roles';
import { formatDateTime } from '../../format';
import { DocumentPreview } from '../../components/DocumentPreview';
import { errorText, notifyError, notifySuccess } from '../../components/feedback';
import { useApp } from '../../stores/app';
import { TagList } from '../residents';
import { papers, useLoad, wishes, type WishRecord } from './data';
import { StatusTag } from './WishList';
import { WishActionDialog, type ActionKind } from './WishActions';
import * as S from './strings';

const DONE: Record<ActionKind | 'publish', string> = {
  publish: S.DONE_PUBLISH,
  approve: S.DONE_APPROVE,
  reject: S.DONE_REJECT,
  withdraw: S.DONE_WITHDRAW,
  claim: S.DONE_CLAIM,
  unclaim: S.DONE_UNCLAIM,
  fulfil: S.DONE_FULFIL,
  followUp: S.DONE_FOLLOW_UP,
};

function ProofThumb({ proofId }: { proofId: string }) {
  const load = useCallback(() => wishes.proof(proofId), [proofId]);
  const p = useLoad(load);
  if (!p.data) return p.error ? <Typography.Text type="danger">{p.error}</Typography.Text> : <Spin size="small" />;
  return <Image width={96} src={`data:${p.data.proof.mime};base64,${p.data.base64}`} alt={p.data.proof.fileName} data-testid="wish-proof-image" />;
}

export function WishDetailDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const load = useCallback(() => (id ? wishes.get(id) : Promise.resolve(null)), [id]);
  const detail = useLoad(load);
  const role = useApp((s) => s.session?.staff.role);
  const head = can(role, 'wishes.approve');
  const [action, setAction] = useState<ActionKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [paperError, setPaperError] = useState<string | null>(null);

  useEffect(() => setPaperError(null), [id]);

  const d = detail.data;
  const r = d?.record ?? null;

  function done(kind: ActionKind | 'publish') {
    notifySuccess(DONE[kind]);
    setAction(null);
    void detail.reload();
    onChanged();
  }

  async function publish(rec: WishRecord) {
    setBusy(true);
    try {
      await wishes.publish(rec.id, rec.version);
      done('publish');
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  async function print(make: () => Promise<{ documentId: string | null; documentError: string | null }>) {
    setPaperError(null);
    try {
      const out = await make();
      if (out.documentId) setDocumentId(out.documentId);
      else setPaperError(out.documentError ?? '单据未能生成');
    } catch (err) {
      setPaperError(errorText(err));
    }
  }

  const can_ = (s: WishStep) => r?.next.includes(s) ?? false;
  const buttons = r ? (
    <Space wrap data-testid="wish-actions">
      {can_('approve') && head && (
        <Button type="primary" onClick={() => setAction('approve')} data-testid="wish-act-approve">
          {S.ACT_APPROVE}
        </Button>
      )}
      {can_('publish') && !r.needsApproval && (
        <Button type="primary" loading={busy} onClick={() => void publish(r)} data-testid="wish-act-publish">
          {S.ACT_PUBLISH}
        </Button>
      )}
      {can_('reject') && head && (
        <Button danger onClick={() => setAction('reject')} data-testid="wish-act-reject">
          {S.ACT_REJECT}
        </Button>
      )}
      {can_('claim') && (
        <Button type="primary" onClick={() => setAction('claim')} data-testid="wish-act-claim">
          {S.ACT_CLAIM}
        </Button>
      )}
      {can_('fulfil') && (
        <Button type="primary" onClick={() => setAction('fulfil')} data-testid="wish-act-fulfil">
          {S.ACT_FULFIL}
        </Button>
      )}
      {can_('followUp') && (
        <Button type="primary" onClick={() => setAction('followUp')} data-testid="wish-act-followup">
          {S.ACT_FOLLOW_UP}
        </Button>
      )}
      {can_('unclaim') && (
        <Button onClick={() => setAction('unclaim')} data-testid="wish-act-unclaim">
          {S.ACT_UNCLAIM}
        </Button>
      )}
      {can_('withdraw') && (
        <Button onClick={() => setAction('withdraw')} data-testid="wish-act-withdraw">
          {S.ACT_WITHDRAW}
        </Button>
      )}
      {r.fulfilment && (
        <Button icon={<PrinterOutlined />} onClick={() => void print(() => papers.handover(r.id))} data-testid="wish-print-handover">
          {S.ACT_PRINT_HANDOVER}
        </Button>
      )}
    </Space>
  ) : null;

  return (
    <Drawer open={id !== null} onClose={onClose} size={760} title={r ? S.DETAIL_TITLE(r.wishNo) : ''} destroyOnHidden>
      <div data-testid="wish-detail">
        {detail.error && <Alert type="error" showIcon title={detail.error} />}
        {!r && !detail.error && <Spin />}
        {r && d && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Space>
              <StatusTag status={r.status} />
              {r.status === 'pending' && r.needsApproval && <Typography.Text type="warning">{S.NEEDS_APPROVAL}</Typography.Text>}
              {r.reason && <Typography.Text type="secondary">{`${S.D_REASON}：${r.reason}`}</Typography.Text>}
            </Space>
            {buttons}
            {paperError && <Alert type="error" showIcon title={paperError} data-testid="wish-paper-error" />}
            <Descriptions size="small" bordered column={2}>
              <Descriptions.Item label={S.COL_TITLE} span={2}>
                {r.title}
              </Descriptions.Item>
              <Descriptions.Item label={S.COL_BENEFICIARY}>
                {r.beneficiaryName}（{r.beneficiaryMasked}）
              </Descriptions.Item>
              <Descriptions.Item label={S.D_TAGS}>
                <TagList tags={r.beneficiaryTags} empty="—" />
              </Descriptions.Item>
              <Descriptions.Item label={S.COL_CATEGORY}>{r.category}</Descriptions.Item>
              <Descriptions.Item label={S.COL_VALUE}>{r.valueYuan}</Descriptions.Item>
              <Descriptions.Item label={S.D_SOURCE}>{r.source}</Descriptions.Item>
              <Descriptions.Item label={S.COL_DEADLINE}>{r.deadline}</Descriptions.Item>
              <Descriptions.Item label={S.D_DESCRIPTION} span={2}>
                {r.description || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={S.D_CREATED} span={2}>
                {formatDateTime(r.createdAt)} · {r.createdByName}
              </Descriptions.Item>
            </Descriptions>
            {r.claim && (
              <div data-testid="wish-claim">
                <Typography.Title level={5}>
                  {S.D_CLAIM} · {r.claim.claimNo}
                </Typography.Title>
                <Table
                  size="small"
                  rowKey="claimantId"
                  pagination={false}
                  dataSource={r.claim.shares}
                  columns={[
                    { title: S.C_CLAIMANT, dataIndex: 'name', render: (v: string, s) => `${v}（${s.category}）` },
                    { title: S.C_PERCENT, dataIndex: 'percent', width: 160, render: (_v, s) => S.SHARE(s.percent, (s.valueFen / 100).toFixed(2)) },
                    {
                      title: '',
                      width: 150,
                      render: (_v, s) => (
                        <Button size="small" icon={<PrinterOutlined />} onClick={() => void print(() => papers.claimVoucher(r.id, s.claimantId))} data-testid="wish-print-claim">
                          {S.ACT_PRINT_CLAIM}
                        </Button>
                      ),
                    },
                  ]}
                />
                <Typography.Text type="secondary">
                  {S.D_PROMISED}：{r.claim.promisedHandoverDate} · {formatDateTime(r.claim.claimedAt)} · {r.claim.claimedByName}
                </Typography.Text>
              </div>
            )}
            {r.fulfilment && (
              <Descriptions size="small" bordered column={2} title={S.D_FULFIL} data-testid="wish-fulfilment">
                <Descriptions.Item label={S.FF_DATE}>{r.fulfilment.handoverDate}</Descriptions.Item>
                <Descriptions.Item label={S.FF_CONFIRMATION}>
                  {r.fulfilment.confirmation}
                  {r.fulfilment.confirmerName ? `（${r.fulfilment.confirmerName}）` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={S.FF_DELIVERED} span={2}>
                  {r.fulfilment.delivered}
                </Descriptions.Item>
                <Descriptions.Item label={S.D_PROOFS} span={2}>
                  <Space wrap>
                    {r.fulfilment.proofs.map((p) => (
                      <ProofThumb key={p.id} proofId={p.id} />
                    ))}
                  </Space>
                </Descriptions.Item>
              </Descriptions>
            )}
            {r.followUp && (
              <Descriptions size="small" bordered column={2} title={S.D_FOLLOW_UP} data-testid="wish-followup">
                <Descriptions.Item label={S.FU_DATE}>{r.followUp.visitedOn}</Descriptions.Item>
                <Descriptions.Item label={S.FU_SATISFACTION}>{r.followUp.satisfaction}</Descriptions.Item>
                <Descriptions.Item label={S.FU_NOTE} span={2}>
                  {r.followUp.note ?? '—'}
                </Descriptions.Item>
              </Descriptions>
            )}
            <div>
              <Typography.Title level={5}>{S.D_STEPS}</Typography.Title>
              {d.events.length === 0 ? (
                <Empty />
              ) : (
                <Timeline
                  data-testid="wish-steps"
                  items={d.events.map((e) => ({
                    children: (
                      <span data-testid="wish-step">
                        {formatDateTime(e.at)} · {WISH_STEP_LABELS[e.step]} → {WISH_STATUS_LABELS[e.to]} · {e.byName}
                        {e.reason ? `（${e.reason}）` : ''}
                      </span>
                    ),
                  }))}
                />
              )}
            </div>
          </Space>
        )}
        {r && action && <WishActionDialog kind={action} record={r} onDone={(k) => done(k)} onClose={() => setAction(null)} />}
        <DocumentPreview documentId={documentId} onClose={() => setDocumentId(null)} />
      </div>
    </Drawer>
  );
}
