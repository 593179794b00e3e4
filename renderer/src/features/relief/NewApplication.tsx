/**
 * 新申请: the type, the applicant and every co-resident member (picked from the registry
 * or registered there on the spot), their incomes, the assets, the obliged supporters, the
 * materials and the close-relative question; the per-capita arithmetic live on the right.
 * Keyboard first: the type has the focus, Enter moves on, Ctrl+Enter submits.
 */
import { FileDoneOutlined, FileExclamationOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, Popconfirm, Radio, Select, type RefSelectProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api';
import { errorText } from '../../components/feedback';
import { enterAdvances } from '../../components/forms';
import { useRequestId } from '../../request-id';
import { can } from '../../../../common/roles';
import { useApp } from '../../stores/app';
import { CLOSE_RELATIVE_OF, CLOSE_RELATIVE_OF_LABELS, RELIEF_TYPE_LABELS, RELIEF_TYPES, materialsFor, type ReliefType } from '../../../../common/relief';
import { FieldErr, type FieldErrors } from './FieldErr';
import { AssetsSection, MembersSection, SupportersSection } from './HouseholdFields';
import { MeansPanel } from './MeansPanel';
import { Outcome, type Created } from './Outcome';
import { EMPTY_DRAFT, createInput, householdInput, previewable, previewWaitsFor, type ApplicationDraft } from './draft';
import { reliefData, type Preview } from './data';
import * as S from './strings';

export function NewApplication() {
  const [d, setD] = useState<ApplicationDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [requestId, renewRequestId] = useRequestId();
  const typeRef = useRef<RefSelectProps>(null);
  // the clerk types what the applicant declares; the figures are shown only to those who handle relief
  const mayView = useApp((s) => can(s.session?.staff.role, 'relief.view'));
  const submitRef = useRef<HTMLButtonElement>(null);

  const patch = (p: Partial<ApplicationDraft>) => setD((x) => ({ ...x, ...p }));
  const materials = d.type ? materialsFor(d.type) : [];
  const missing = materials.filter((m) => !d.received.includes(m));

  useEffect(() => {
    if (!created) typeRef.current?.focus();
  }, [created]);

  // the figures follow the typing, a moment after it stops
  useEffect(() => {
    if (!previewable(d)) {
      setPreview(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      reliefData.preview(householdInput(d)).then(
        (p) => live && (setPreview(p), setPreviewError(null)),
        (err: unknown) => live && setPreviewError(errorText(err)),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [d.type, d.members, d.assets, d.supporters]);

  async function submit() {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const r = await reliefData.create(createInput(d, requestId));
      const form = r.missing.length > 0 ? 'correction' : 'acceptance';
      let documentId: string | null = null;
      let documentError: string | null = null;
      try {
        documentId = (await reliefData.issue(r.case.id, form)).documentId;
      } catch (err) {
        documentError = errorText(err);
      }
      renewRequestId();
      setCreated({ case: r.case, missing: r.missing, documentId, documentError });
    } catch (err) {
      if (err instanceof ApiError && err.fields && Object.keys(err.fields).length > 0) {
        setErrors(err.fields);
        setFormError(err.message);
      } else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !created) {
        e.preventDefault();
        submitRef.current?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [created]);

  if (created) {
    return (
      <Outcome
        created={created}
        onNext={() => {
          setCreated(null);
          setD(EMPTY_DRAFT);
          setPreview(null);
        }}
      />
    );
  }

  const applicant = d.members[0] ?? null;

  return (
    <div className="sd-relief-new" data-testid="relief-new" onKeyDown={enterAdvances(() => submitRef.current?.focus())}>
      <div className="sd-relief-main">
        <section className="sd-panel sd-relief-section" aria-label={S.TYPE}>
          <div className="sd-relief-sub">{S.TYPE}</div>
          <Select<ReliefType>
            ref={typeRef}
            value={d.type ?? undefined}
            placeholder={S.TYPE_PH}
            style={{ width: 260 }}
            options={RELIEF_TYPES.map((t) => ({ value: t, label: RELIEF_TYPE_LABELS[t] }))}
            onChange={(type) => patch({ type, received: d.received.filter((m) => materialsFor(type).includes(m)) })}
            data-testid="relief-type"
          />
          <FieldErr errors={errors} at="type" />
        </section>

        <MembersSection d={d} patch={patch} errors={errors} />
        <AssetsSection d={d} patch={patch} errors={errors} />
        <SupportersSection d={d} patch={patch} errors={errors} />

        <section className="sd-panel sd-relief-section" aria-label={S.MATERIALS}>
          <div className="sd-relief-sub">{S.MATERIALS}</div>
          <div className="sd-relief-muted">{d.type ? S.MATERIALS_HINT : S.TYPE_PH}</div>
          <div className="sd-relief-checks" data-testid="relief-materials">
            {materials.map((m, i) => (
              <Checkbox key={m} checked={d.received.includes(m)} onChange={(e) => patch({ received: e.target.checked ? [...d.received, m] : d.received.filter((x) => x !== m) })} data-testid={`relief-material-${i}`}>
                {m}
              </Checkbox>
            ))}
          </div>
          <FieldErr errors={errors} at="materialsReceived" />
        </section>

        <section className="sd-panel sd-relief-section" aria-label={S.CLOSE_RELATIVE}>
          <div className="sd-relief-sub">{S.CLOSE_RELATIVE}</div>
          <div>{S.CLOSE_RELATIVE_Q}</div>
          <Radio.Group
            value={d.closeRelative}
            onChange={(e) => {
              const yes = e.target.value as boolean;
              patch({ closeRelative: yes, closeRelatives: yes && d.closeRelatives.length === 0 ? [{ residentId: applicant?.resident.id ?? null, of: 'stationStaff', relativeName: '', relativePost: '', relation: '' }] : d.closeRelatives });
            }}
            data-testid="relief-close-relative"
          >
            <Radio value={false} data-testid="relief-close-relative-no">{S.CLOSE_RELATIVE_NO}</Radio>
            <Radio value={true} data-testid="relief-close-relative-yes">{S.CLOSE_RELATIVE_YES}</Radio>
          </Radio.Group>
          {d.closeRelative &&
            d.closeRelatives.map((c, i) => {
              const set = (p: Partial<typeof c>) => patch({ closeRelatives: d.closeRelatives.map((x, j) => (j === i ? { ...x, ...p } : x)) });
              return (
                <div className="sd-relief-row" key={i} data-testid={`relief-close-${i}`}>
                  <Select value={c.residentId ?? undefined} style={{ width: 140 }} placeholder={S.CLOSE_RELATIVE_WHO} aria-label={S.CLOSE_RELATIVE_WHO} options={d.members.map((m) => ({ value: m.resident.id, label: m.resident.name }))} onChange={(residentId) => set({ residentId })} />
                  <Select value={c.of} style={{ width: 170 }} aria-label={S.CLOSE_RELATIVE_OF} options={CLOSE_RELATIVE_OF.map((k) => ({ value: k, label: CLOSE_RELATIVE_OF_LABELS[k] }))} onChange={(of) => set({ of })} />
                  <Input value={c.relativeName} style={{ width: 110 }} placeholder={S.CLOSE_RELATIVE_NAME} aria-label={S.CLOSE_RELATIVE_NAME} maxLength={30} onChange={(e) => set({ relativeName: e.target.value })} data-testid={`relief-close-${i}-name`} />
                  <Input value={c.relativePost} style={{ width: 110 }} placeholder={S.CLOSE_RELATIVE_POST} aria-label={S.CLOSE_RELATIVE_POST} maxLength={30} onChange={(e) => set({ relativePost: e.target.value })} />
                  <Input value={c.relation} style={{ width: 100 }} placeholder={S.CLOSE_RELATIVE_REL} aria-label={S.CLOSE_RELATIVE_REL} maxLength={20} onChange={(e) => set({ relation: e.target.value })} data-testid={`relief-close-${i}-relation`} />
                  {['residentId', 'relativeName', 'relation'].map((k) => (
                    <FieldErr key={k} errors={errors} at={`closeRelatives.${i}.${k}`} />
                  ))}
                </div>
              );
            })}
          {d.closeRelative && <div className="sd-relief-muted">{S.CLOSE_RELATIVE_NOTE}</div>}
        </section>

        <section className="sd-panel sd-relief-section" aria-label={S.NOTE}>
          <div className="sd-relief-sub">{S.NOTE}</div>
          <Input.TextArea value={d.note} maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => patch({ note: e.target.value })} />
          <FieldErr errors={errors} at="note" />
        </section>
      </div>

      <aside className="sd-relief-side">
        <MeansPanel means={preview?.means ?? null} warnings={preview?.assetWarnings ?? []} error={previewError} redacted={!mayView} waitingFor={previewWaitsFor(d)} />
        {missing.length > 0 && d.type && (
          <Alert type="warning" showIcon message={`缺少 ${missing.length} 项材料`} description={<ol>{missing.map((m) => <li key={m}>{m}</li>)}</ol>} data-testid="relief-missing" />
        )}
        {formError && <Alert type="error" showIcon message={formError} data-testid="relief-form-error" />}
        <Button
          ref={submitRef}
          type="primary"
          size="large"
          block
          icon={missing.length > 0 ? <FileExclamationOutlined /> : <FileDoneOutlined />}
          loading={busy}
          disabled={!d.type || !applicant || d.closeRelative === null}
          onClick={() => void submit()}
          data-testid="relief-submit"
        >
          {missing.length > 0 ? S.SUBMIT_INCOMPLETE : S.SUBMIT_ACCEPT} <span className="sd-kbd">{S.SUBMIT_KEYS}</span>
        </Button>
        {!applicant && <div className="sd-relief-muted">{S.PICK_APPLICANT_FIRST}</div>}
        {applicant && d.closeRelative === null && <div className="sd-relief-muted">{S.CLOSE_RELATIVE_Q}</div>}
        <Popconfirm title={S.CLEAR_CONFIRM} onConfirm={() => setD(EMPTY_DRAFT)} okText={S.CONFIRM} cancelText={S.CANCEL}>
          <Button block>{S.CLEAR}</Button>
        </Popconfirm>
      </aside>
    </div>
  );
}
