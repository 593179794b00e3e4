/**
 * One household member: who they are (from the registry), their relation, work, incomes
 * by kind, disability, health and school. Enter moves field to field (the form's handler).
 */
import { DeleteOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, InputNumber, Select } from 'antd';
import { EMPLOYMENT_LABELS, EMPLOYMENTS, INCOME_KIND_LABELS, INCOME_KINDS, MEMBER_RELATION_LABELS, MEMBER_RELATIONS, type Employment, type IncomeKind, type MemberRelation } from '../../../../common/relief';
import { FieldErr, type FieldErrors } from './FieldErr';
import type { MemberDraft } from './draft';
import * as S from './strings';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

interface Props {
  index: number;
  member: MemberDraft;
  errors: FieldErrors;
  onChange: (m: MemberDraft) => void;
  onRemove?: (() => void) | undefined;
}

export function MemberCard({ index, member: m, errors, onChange, onRemove }: Props) {
  const at = (k: string) => `members.${index}.${k}`;
  const applicant = m.relation === 'applicant';
  const set = (patch: Partial<MemberDraft>) => onChange({ ...m, ...patch });
  return (
    <div className="sd-relief-member" data-testid={`relief-member-${index}`}>
      <div className="sd-relief-member-head">
        <UserOutlined aria-hidden />
        <span className="sd-relief-member-name">{m.resident.name}</span>
        <span className="sd-mono">{m.resident.idMasked}</span>
        <span>{m.resident.age} 岁</span>
        {applicant && <span className="sd-relief-badge">{S.APPLICANT}</span>}
        <span style={{ flex: 1 }} />
        {onRemove && (
          <Button size="small" icon={<DeleteOutlined />} onClick={onRemove} data-testid={`relief-member-${index}-remove`}>
            {S.REMOVE}
          </Button>
        )}
      </div>
      <div className="sd-relief-grid">
        <label>
          <span>{S.RELATION}</span>
          <Select<MemberRelation>
            value={m.relation}
            disabled={applicant}
            options={options(MEMBER_RELATIONS, MEMBER_RELATION_LABELS).filter((o) => applicant || o.value !== 'applicant')}
            onChange={(relation) => set({ relation })}
            data-testid={`relief-member-${index}-relation`}
          />
          <FieldErr errors={errors} at={at('relation')} />
        </label>
        <label>
          <span>{S.EMPLOYMENT}</span>
          <Select<Employment>
            value={m.employment ?? undefined}
            placeholder={S.EMPLOYMENT}
            options={options(EMPLOYMENTS, EMPLOYMENT_LABELS)}
            onChange={(employment) => set({ employment })}
            data-testid={`relief-member-${index}-employment`}
            showSearch
            optionFilterProp="label"
          />
          <FieldErr errors={errors} at={at('employment')} />
        </label>
        <label>
          <span>{S.HEALTH}</span>
          <Input value={m.health} placeholder={S.HEALTH_PH} maxLength={200} onChange={(e) => set({ health: e.target.value })} data-testid={`relief-member-${index}-health`} />
          <FieldErr errors={errors} at={at('health')} />
        </label>
        <label>
          <span>{S.SCHOOL}</span>
          <Input value={m.school} placeholder={S.SCHOOL_PH} maxLength={60} onChange={(e) => set({ school: e.target.value })} data-testid={`relief-member-${index}-school`} />
          <FieldErr errors={errors} at={at('school')} />
        </label>
      </div>
      <div className="sd-relief-row">
        <Checkbox checked={m.disability !== null} onChange={(e) => set({ disability: e.target.checked ? { grade: '2', kind: '' } : null })} data-testid={`relief-member-${index}-disabled`}>
          {S.DISABILITY}
        </Checkbox>
        {m.disability && (
          <>
            <Select
              value={m.disability.grade}
              style={{ width: 90 }}
              aria-label={S.DISABILITY_GRADE}
              options={Object.entries(S.DISABILITY_GRADES).map(([value, label]) => ({ value, label }))}
              onChange={(grade) => set({ disability: { ...m.disability!, grade: grade as '1' | '2' | '3' | '4' } })}
            />
            <Input
              value={m.disability.kind}
              style={{ width: 160 }}
              placeholder={S.DISABILITY_KIND}
              aria-label={S.DISABILITY_KIND}
              maxLength={20}
              onChange={(e) => set({ disability: { ...m.disability!, kind: e.target.value } })}
              data-testid={`relief-member-${index}-disability-kind`}
            />
            <FieldErr errors={errors} at={at('disability.kind')} />
          </>
        )}
      </div>
      <div className="sd-relief-incomes">
        <span className="sd-relief-sub">{S.INCOMES}</span>
        {m.incomes.length === 0 && <span className="sd-relief-muted">{S.NO_INCOME}</span>}
        {m.incomes.map((inc, i) => (
          <div className="sd-relief-row" key={i} data-testid={`relief-member-${index}-income-${i}`}>
            <Select<IncomeKind>
              value={inc.kind}
              style={{ width: 150 }}
              aria-label={S.INCOME_KIND}
              options={options(INCOME_KINDS, INCOME_KIND_LABELS)}
              onChange={(kind) => set({ incomes: m.incomes.map((x, j) => (j === i ? { ...x, kind } : x)) })}
            />
            <InputNumber<number>
              value={inc.amount}
              min={0}
              precision={2}
              style={{ width: 140 }}
              placeholder={S.INCOME_AMOUNT}
              aria-label={S.INCOME_AMOUNT}
              onChange={(amount) => set({ incomes: m.incomes.map((x, j) => (j === i ? { ...x, amount } : x)) })}
              data-testid={`relief-member-${index}-income-${i}-amount`}
            />
            <span>元 ÷</span>
            <InputNumber<number>
              value={inc.months}
              min={1}
              max={12}
              precision={0}
              style={{ width: 70 }}
              aria-label={S.INCOME_MONTHS}
              title={S.INCOME_MONTHS_HINT}
              onChange={(months) => set({ incomes: m.incomes.map((x, j) => (j === i ? { ...x, months: months ?? 1 } : x)) })}
            />
            <span>个月</span>
            <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={S.REMOVE} onClick={() => set({ incomes: m.incomes.filter((_, j) => j !== i) })} />
            <FieldErr errors={errors} at={at(`incomes.${i}.amount`)} />
            <FieldErr errors={errors} at={at(`incomes.${i}.months`)} />
          </div>
        ))}
        <Button size="small" icon={<PlusOutlined />} onClick={() => set({ incomes: [...m.incomes, { kind: 'wage', amount: null, months: 1 }] })} data-testid={`relief-member-${index}-add-income`}>
          {S.ADD_INCOME}
        </Button>
      </div>
    </div>
  );
}
