/**
 * The household part of the relief form, shared by 新申请 and 修改家庭情况: the members (each a
 * MemberCard, more picked from the registry), the assets and the obliged supporters. Field
 * errors (the contract's paths) are shown under their fields.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select } from 'antd';
import { ApiError } from '../../api';
import { notifyError } from '../../components/feedback';
import { ResidentPicker } from '../residents';
import { ASSET_KIND_LABELS, ASSET_KINDS, SUPPORTER_RELATION_LABELS, SUPPORTER_RELATIONS } from '../../../../common/relief';
import { FieldErr, type FieldErrors } from './FieldErr';
import { MemberCard } from './MemberCard';
import { newMember, type HouseholdDraft } from './draft';
import * as S from './strings';

interface Props {
  d: HouseholdDraft;
  patch: (p: Partial<HouseholdDraft>) => void;
  errors: FieldErrors;
  /** 修改家庭情况: the applicant stays (main refuses another one) */
  keepApplicant?: boolean;
}

export function MembersSection({ d, patch, errors, keepApplicant = false }: Props) {
  const applicant = d.members[0] ?? null;
  const memberIds = new Set(d.members.map((m) => m.resident.id));
  const removable = (i: number) => (keepApplicant ? d.members[i]?.relation !== 'applicant' : !(i === 0 && d.members.length > 1));
  return (
    <section className="sd-panel sd-relief-section" aria-label={S.MEMBERS}>
      <div className="sd-relief-sub">{applicant ? S.MEMBERS : S.APPLICANT}</div>
      <div className="sd-relief-muted">{applicant ? S.MEMBERS_HINT : S.APPLICANT_HINT}</div>
      {d.members.map((m, i) => (
        <MemberCard
          key={m.resident.id}
          index={i}
          member={m}
          errors={errors}
          onChange={(nm) => patch({ members: d.members.map((x, j) => (j === i ? nm : x)) })}
          onRemove={removable(i) ? () => patch({ members: d.members.filter((_, j) => j !== i) }) : undefined}
        />
      ))}
      <div data-testid={applicant ? 'relief-add-member' : 'relief-pick-applicant'}>
        <ResidentPicker
          autoFocus={false}
          placeholder={applicant ? S.ADD_MEMBER : undefined}
          onPick={(r) => {
            if (memberIds.has(r.id)) {
              notifyError(new ApiError('CONFLICT', S.ALREADY_IN));
              return;
            }
            patch({ members: [...d.members, newMember(r, d.members.length === 0)] });
          }}
        />
      </div>
      <FieldErr errors={errors} at="members" />
    </section>
  );
}

export function AssetsSection({ d, patch, errors }: Props) {
  return (
    <section className="sd-panel sd-relief-section" aria-label={S.ASSETS}>
      <div className="sd-relief-sub">{S.ASSETS}</div>
      {d.assets.map((a, i) => (
        <div className="sd-relief-row" key={i} data-testid={`relief-asset-${i}`}>
          <Select value={a.kind} style={{ width: 170 }} aria-label={S.ASSET_KIND} options={ASSET_KINDS.map((k) => ({ value: k, label: ASSET_KIND_LABELS[k] }))} onChange={(kind) => patch({ assets: d.assets.map((x, j) => (j === i ? { ...x, kind } : x)) })} />
          <Input value={a.description} style={{ width: 220 }} placeholder={S.ASSET_DESC} aria-label={S.ASSET_DESC} maxLength={100} onChange={(e) => patch({ assets: d.assets.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)) })} data-testid={`relief-asset-${i}-desc`} />
          <InputNumber<number> value={a.value} min={0} precision={2} style={{ width: 140 }} placeholder={S.ASSET_VALUE} aria-label={S.ASSET_VALUE} onChange={(value) => patch({ assets: d.assets.map((x, j) => (j === i ? { ...x, value } : x)) })} data-testid={`relief-asset-${i}-value`} />
          <InputNumber<number> value={a.count} min={1} max={99} precision={0} style={{ width: 70 }} aria-label={S.ASSET_COUNT} onChange={(count) => patch({ assets: d.assets.map((x, j) => (j === i ? { ...x, count: count ?? 1 } : x)) })} />
          <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={S.REMOVE} onClick={() => patch({ assets: d.assets.filter((_, j) => j !== i) })} />
          <FieldErr errors={errors} at={`assets.${i}.description`} />
          <FieldErr errors={errors} at={`assets.${i}.value`} />
        </div>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => patch({ assets: [...d.assets, { kind: 'deposit', description: '', value: null, count: 1 }] })} data-testid="relief-add-asset">
        {S.ADD_ASSET}
      </Button>
      <FieldErr errors={errors} at="assets" />
    </section>
  );
}

export function SupportersSection({ d, patch, errors }: Props) {
  return (
    <section className="sd-panel sd-relief-section" aria-label={S.SUPPORTERS}>
      <div className="sd-relief-sub">{S.SUPPORTERS}</div>
      {d.supporters.map((s, i) => {
        const set = (p: Partial<typeof s>) => patch({ supporters: d.supporters.map((x, j) => (j === i ? { ...x, ...p } : x)) });
        return (
          <div className="sd-relief-row" key={i} data-testid={`relief-supporter-${i}`}>
            <Input value={s.name} style={{ width: 110 }} placeholder={S.SUPPORTER_NAME} aria-label={S.SUPPORTER_NAME} maxLength={30} onChange={(e) => set({ name: e.target.value })} />
            <Select value={s.relation} style={{ width: 130 }} aria-label={S.SUPPORTER_RELATION} options={SUPPORTER_RELATIONS.map((k) => ({ value: k, label: SUPPORTER_RELATION_LABELS[k] }))} onChange={(relation) => set({ relation })} />
            <Input value={s.relationNote} style={{ width: 120 }} placeholder={S.SUPPORTER_NOTE} aria-label={S.SUPPORTER_NOTE} maxLength={30} onChange={(e) => set({ relationNote: e.target.value })} />
            <InputNumber<number> value={s.monthlyIncome} min={0} precision={2} style={{ width: 130 }} placeholder={S.SUPPORTER_INCOME} aria-label={S.SUPPORTER_INCOME} onChange={(monthlyIncome) => set({ monthlyIncome })} />
            <InputNumber<number> value={s.householdSize} min={1} max={30} precision={0} style={{ width: 90 }} aria-label={S.SUPPORTER_SIZE} addonAfter="人" onChange={(n) => set({ householdSize: n ?? 1 })} />
            <InputNumber<number> value={s.monthlySupport} min={0} precision={2} style={{ width: 140 }} placeholder={S.SUPPORTER_SUPPORT} aria-label={S.SUPPORTER_SUPPORT} onChange={(monthlySupport) => set({ monthlySupport })} />
            <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={S.REMOVE} onClick={() => patch({ supporters: d.supporters.filter((_, j) => j !== i) })} />
            {['name', 'monthlyIncome', 'householdSize'].map((k) => (
              <FieldErr key={k} errors={errors} at={`supporters.${i}.${k}`} />
            ))}
          </div>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => patch({ supporters: [...d.supporters, { name: '', relation: 'shanyang', relationNote: '', monthlyIncome: null, householdSize: 1, monthlySupport: null }] })}
        data-testid="relief-add-supporter"
      >
        {S.ADD_SUPPORTER}
      </Button>
    </section>
  );
}
