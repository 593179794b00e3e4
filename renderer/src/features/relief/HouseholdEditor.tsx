/**
 * 修改家庭情况: the case's household in the 新申请 form's parts, prefilled from the case, with the
 * per-capita figures live on the right; saved with the version the clerk opened. A stale
 * version keeps everything typed: the clerk reads the latest version and saves again.
 * Only for an unredacted case (main refuses the others too): a redacted one has no incomes.
 */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api';
import { errorText } from '../../components/feedback';
import { enterAdvances } from '../../components/forms';
import { FieldErr, type FieldErrors } from './FieldErr';
import { AssetsSection, MembersSection, SupportersSection } from './HouseholdFields';
import { MeansPanel } from './MeansPanel';
import { draftFromCase, householdInput, previewable, previewWaitsFor, updateInput, type HouseholdDraft } from './draft';
import { reliefData, type Preview, type ReliefCase } from './data';
import * as S from './strings';

export function HouseholdEditor({ c, onCancel, onSaved }: { c: ReliefCase; onCancel: () => void; onSaved: (c: ReliefCase) => void }) {
  const [d, setD] = useState<HouseholdDraft>(() => draftFromCase(c));
  const [base, setBase] = useState({ id: c.id, version: c.version });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saveRef = useRef<HTMLButtonElement>(null);
  const patch = (p: Partial<HouseholdDraft>) => setD((x) => ({ ...x, ...p }));

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
  }, [d]);

  async function save() {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setFormError(null);
    setNote(null);
    try {
      onSaved(await reliefData.updateHousehold(updateInput(base, d)));
    } catch (err) {
      setStale(err instanceof ApiError && err.code === 'CONFLICT' && err.message.includes('刚被其他人更新过'));
      if (err instanceof ApiError && err.fields && Object.keys(err.fields).length > 0) setErrors(err.fields);
      setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function takeLatest() {
    try {
      const r = await reliefData.get(c.id);
      setBase({ id: r.case.id, version: r.case.version });
      setStale(false);
      setFormError(null);
      setNote(S.EDIT_STALE_NOTE);
    } catch (err) {
      setFormError(errorText(err));
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        saveRef.current?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="sd-relief-new" data-testid="relief-edit" onKeyDown={enterAdvances(() => saveRef.current?.focus())}>
      <div className="sd-relief-main">
        <section className="sd-panel sd-relief-section">
          <div className="sd-relief-sub">{S.EDIT_TITLE(c.caseNo)}</div>
          <div className="sd-relief-muted">{S.EDIT_HINT}</div>
        </section>
        <MembersSection d={d} patch={patch} errors={errors} keepApplicant />
        <AssetsSection d={d} patch={patch} errors={errors} />
        <SupportersSection d={d} patch={patch} errors={errors} />
        <FieldErr errors={errors} at="closeRelatives" />
      </div>
      <aside className="sd-relief-side">
        <MeansPanel means={preview?.means ?? null} warnings={preview?.assetWarnings ?? []} error={previewError} waitingFor={previewWaitsFor(d)} />
        {note && <Alert type="info" showIcon message={note} data-testid="relief-edit-note" />}
        {formError && (
          <Alert
            type="error"
            showIcon
            message={formError}
            data-testid="relief-edit-error"
            action={
              stale ? (
                <Button size="small" onClick={() => void takeLatest()} data-testid="relief-edit-latest">
                  {S.EDIT_STALE_RETRY}
                </Button>
              ) : undefined
            }
          />
        )}
        <Button ref={saveRef} type="primary" size="large" block icon={<SaveOutlined />} loading={busy} disabled={stale} onClick={() => void save()} data-testid="relief-edit-save">
          {S.EDIT_SAVE} <span className="sd-kbd">{S.SUBMIT_KEYS}</span>
        </Button>
        <Popconfirm title={S.EDIT_CANCEL_CONFIRM} onConfirm={onCancel} okText={S.CONFIRM} cancelText={S.CANCEL}>
          <Button block data-testid="relief-edit-cancel">
            {S.EDIT_CANCEL}
          </Button>
        </Popconfirm>
      </aside>
    </div>
  );
}
