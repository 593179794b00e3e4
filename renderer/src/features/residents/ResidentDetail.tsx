/**
 * One resident's record in a drawer: what the station knows, the household, the tags
 * with their dates, and their past at the station (items, notices, receipts), each
 * openable. The full 身份证号 is one audited click away for 站长 and 管理员.
 */
import { EditOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Divider, Drawer, Popconfirm, Space, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ID_DOC_TYPE_LABELS, SEX_LABELS } from '../../../../common/idcard';
import type { ResidentView } from '../../../../common/contracts/residents';
import { api } from '../../api';
import { errorText, notifyError } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { useApp } from '../../stores/app';
import { canRevealId } from './shared';
import { TagList } from './TagList';
import { ResidentHistory } from './ResidentHistory';
import * as S from './strings';
import * as SI from './strings-id';

export interface ResidentDetailProps {
  id: string | null;
  onClose: () => void;
  onEdit: (resident: ResidentView) => void;
  /** open another resident (a household member) */
  onOpen: (id: string) => void;
  /** bumps when the record was saved elsewhere, to read it again */
  version?: number;
  /** bumps when a dialog over this one closed: the keyboard comes back here (Esc closes, Enter edits) */
  focusSignal?: number;
}

export function ResidentDetail({ id, onClose, onEdit, onOpen, version = 0, focusSignal = 0 }: ResidentDetailProps) {
  const role = useApp((s) => s.session?.staff.role);
  const [resident, setResident] = useState<ResidentView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);

  const load = useCallback(async (rid: string) => {
    setError(null);
    try {
      setResident(await api['residents.get']({ id: rid }));
    } catch (err) {
      setError(err);
    }
  }, []);

  useEffect(() => {
    setRevealed(null);
    if (id) void load(id);
    else setResident(null);
  }, [id, version, load]);

  useEffect(() => {
    if (focusSignal > 0) editRef.current?.focus();
  }, [focusSignal]);

  async function reveal() {
    if (!resident) return;
    setRevealing(true);
    try {
      setRevealed((await api['residents.revealIdNumber']({ id: resident.id })).idNumber);
    } catch (err) {
      notifyError(err);
    } finally {
      setRevealing(false);
    }
  }

  const r = resident && resident.id === id ? resident : null;

  return (
    <Drawer
      title={r ? `${S.DETAIL_TITLE}：${r.name}` : S.DETAIL_TITLE}
      open={id !== null}
      size={600}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o && editRef.current?.focus()}
      data-testid="resident-detail"
      extra={
        r && (
          <Button ref={editRef} type="primary" icon={<EditOutlined />} onClick={() => onEdit(r)} data-testid="resident-edit">
            {S.EDIT}
          </Button>
        )
      }
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error)} action={<Button onClick={() => id && void load(id)}>{S.RETRY}</Button>} />}
      {!r && error === null && <Spin />}
      {r && (
        <>
          <Descriptions column={2} size="small" bordered className="sd-res-desc" styles={{ label: { width: 96 } }}>
            <Descriptions.Item label={S.F_NAME}>
              <span className="sd-res-name" data-testid="resident-detail-name">
                {r.name}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={S.F_SEX}>
              {SEX_LABELS[r.sex]} · {S.AGE(r.age)}
            </Descriptions.Item>
            <Descriptions.Item label={SI.F_ID_TYPE} span={2}>
              <span data-testid="resident-detail-id-type">{ID_DOC_TYPE_LABELS[r.idType]}</span>
            </Descriptions.Item>
            <Descriptions.Item label={S.F_ID} span={2}>
              <Space size={4}>
                <span className="sd-mono" data-testid="resident-detail-id">
                  {revealed ?? r.idMasked}
                </span>
                {canRevealId(role) &&
                  (revealed ? (
                    <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => setRevealed(null)}>
                      {S.REVEAL_HIDE}
                    </Button>
                  ) : (
                    <Popconfirm title={S.REVEAL_CONFIRM} description={S.REVEAL_CONFIRM_TEXT} okText={S.REVEAL} cancelText={S.FORM_CANCEL} onConfirm={() => void reveal()}>
                      <Button size="small" type="link" icon={<EyeOutlined />} loading={revealing} data-testid="resident-reveal">
                        {S.REVEAL}
                      </Button>
                    </Popconfirm>
                  ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={S.F_BIRTH}>{r.birthDate}</Descriptions.Item>
            <Descriptions.Item label={S.F_PHONE}>
              <span className="sd-mono">{r.phone ?? S.D_NONE}</span>
            </Descriptions.Item>
            <Descriptions.Item label={S.F_ADDRESS} span={2}>
              {r.address || S.D_NONE}
            </Descriptions.Item>
            <Descriptions.Item label={S.F_GRID} span={2}>
              {r.grid || S.D_NONE}
            </Descriptions.Item>
            <Descriptions.Item label={S.F_TAGS} span={2}>
              <TagList entries={r.tagEntries} empty={<span className="sd-muted">{S.D_NONE}</span>} />
            </Descriptions.Item>
            <Descriptions.Item label={S.D_HOUSEHOLD} span={2}>
              {r.householdHeadId ? (
                <span>
                  {S.D_HEAD_OF}：
                  <Button type="link" size="small" className="sd-res-inline-link" onClick={() => onOpen(r.householdHeadId!)}>
                    {r.householdHeadName}
                  </Button>
                  （{S.F_RELATION}：{r.relation}）
                </span>
              ) : r.relation === '户主' || r.householdMembers.length > 0 ? (
                S.D_IS_HEAD
              ) : (
                <span className="sd-muted">{S.D_NO_HOUSEHOLD}</span>
              )}
            </Descriptions.Item>
            {r.householdMembers.length > 0 && (
              <Descriptions.Item label={S.D_MEMBERS} span={2}>
                <Space size={[4, 4]} wrap>
                  {r.householdMembers.map((m) => (
                    <Button key={m.id} size="small" onClick={() => onOpen(m.id)} data-testid="resident-member">
                      {m.name}
                      <span className="sd-muted">
                        {m.relation ?? ''} · {S.AGE(m.age)}
                      </span>
                    </Button>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={S.F_PINYIN} span={2}>
              <span className="sd-mono" data-testid="resident-detail-pinyin">
                {r.pinyin}
              </span>
              {r.pinyinManual && <span className="sd-muted">{S.D_PINYIN_MANUAL}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={S.F_NOTES} span={2}>
              <span className="sd-res-notes">{r.notes || S.D_NONE}</span>
            </Descriptions.Item>
            <Descriptions.Item label={S.D_CREATED}>{formatDateTime(r.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={S.D_UPDATED}>{formatDateTime(r.updatedAt)}</Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">{S.H_TITLE}</Divider>
          <ResidentHistory key={`${r.id}:${version}`} residentId={r.id} />
        </>
      )}
    </Drawer>
  );
}
