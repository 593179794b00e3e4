/**
 * 受理: one resident at the counter, from finding them to the printed receipt. Three
 * steps down the left (who, which item, which materials), what accepting would promise
 * and the two ways out on the right. Keyboard first: each step hands the focus to the
 * next, Enter moves on, Ctrl+Enter accepts, Esc after a receipt starts the next one.
 */
import { CheckCircleFilled, FileExclamationOutlined, FileProtectOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, Popconfirm, Tag, type InputRef } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { timeLimitText } from '../../../../common/catalogue';
import { formatDateTime } from '../../../../common/time';
import { DocumentPreview } from '../../components/DocumentPreview';
import { ItemPicker } from '../catalogue';
import { ResidentPicker, TagList } from '../residents';
import { SEX_LABELS } from '../../../../common/idcard';
import { CATEGORY_COLORS } from '../catalogue/category';
import { useDraft, type PickedResident } from './draft';
import { MaterialsChecklist, type ChecklistHandle } from './MaterialsChecklist';
import { OutcomePanel } from './OutcomePanel';
import { promiseText } from './tags';
import { dialogOpen } from './keys';
import * as S from './strings';
import { ProvisionalTag } from './PromiseCalendarNote';

type Stage = 'resident' | 'item' | 'materials' | 'done';

function Step({ no, title, hint, state, error, testId, children }: { no: number; title: string; hint?: ReactNode; state: 'active' | 'done' | 'waiting'; error?: string | undefined; testId: string; children: ReactNode }) {
  return (
    <section className={`sd-step ${state}`} data-testid={testId} aria-label={title}>
      <div className="sd-step-head">
        <span className="sd-step-no" aria-hidden>
          {state === 'done' ? <CheckCircleFilled /> : no}
        </span>
        <span className="sd-step-title">{title}</span>
        {hint && <span className="sd-step-hint">{hint}</span>}
      </div>
      <div className="sd-step-body">
        {children}
        {error && (
          <div className="sd-field-error" role="alert" data-testid={`${testId}-error`}>
            {error}
          </div>
        )}
      </div>
    </section>
  );
}

function ResidentLine({ resident, onChange }: { resident: PickedResident; onChange: () => void }) {
  return (
    <div className="sd-chosen" data-testid="intake-resident">
      <span className="sd-chosen-icon" aria-hidden>
        <UserOutlined />
      </span>
      <span className="sd-chosen-main">
        <span className="sd-chosen-name">{resident.name}</span>
        <span className="sd-chosen-meta">
          <span className="sd-mono">{resident.idMasked}</span>
          <span>{SEX_LABELS[resident.sex]}</span>
          <span>{S.AGE(resident.age)}</span>
          <TagList tags={resident.tags} />
        </span>
      </span>
      <Button size="small" icon={<SwapOutlined />} onClick={onChange} data-testid="intake-change-resident">
        {S.CHANGE}
      </Button>
    </div>
  );
}

export function AcceptTab() {
  const d = useDraft();
  const residentBox = useRef<HTMLDivElement>(null);
  const itemBox = useRef<HTMLDivElement>(null);
  const checklist = useRef<ChecklistHandle>(null);
  const noteRef = useRef<InputRef>(null);
  const acceptRef = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLButtonElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);

  const stage: Stage = d.outcome ? 'done' : !d.resident ? 'resident' : !d.item ? 'item' : 'materials';
  const materials = d.item?.materials ?? [];
  const missing = materials.filter((m) => !d.received.includes(m));
  const ready = stage === 'materials';
  const canNotice = ready && missing.length > 0 && d.busy === null;
  const warnings = d.preview?.warnings ?? [];
  const cleared = warnings.length === 0 || d.override;
  const canAccept = ready && missing.length === 0 && d.busy === null && cleared;
  // 当场办结 items are accepted and completed in one step, the way a clerk does them
  const onTheSpot = d.item !== null && d.item.timeLimit.unit === 'immediate' && !d.item.forwarded;

  // Each step, once reached, has the keyboard (DESIGN.md §8: a form opens ready to type).
  useEffect(() => {
    const focusInput = (box: HTMLDivElement | null) => box?.querySelector<HTMLInputElement>('input:not([type=hidden])')?.focus();
    if (stage === 'resident') focusInput(residentBox.current);
    else if (stage === 'item') focusInput(itemBox.current);
    else if (stage === 'materials') checklist.current?.focus();
    else nextRef.current?.focus();
  }, [stage, d.item?.code]);

  useEffect(() => useDraft.getState().refreshPreview(), []);

  // Ctrl+Enter accepts; Esc after a receipt or notice starts the next resident.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialogOpen()) return;
      const s = useDraft.getState();
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !s.outcome) {
        if (!acceptRef.current || acceptRef.current.disabled) return;
        e.preventDefault();
        acceptRef.current.click();
      } else if (e.key === 'Escape' && s.outcome) {
        e.preventDefault();
        s.reset();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** Enter in the note: to whichever button is the way forward now. */
  function noteDone() {
    if (canAccept) acceptRef.current?.focus();
    else if (canNotice) noticeRef.current?.focus();
  }

  // the receipt or notice main just made, shown at once to print from (DESIGN.md §6)
  const preview = <DocumentPreview documentId={d.showing} onClose={() => d.show(null)} />;

  if (d.outcome) {
    return (
      <div className="sd-intake-new" data-testid="intake-new">
        <OutcomePanel outcome={d.outcome} resident={d.resident} item={d.item} nextRef={nextRef} onShow={d.show} onNext={d.reset} onResume={d.resume} />
        {preview}
      </div>
    );
  }

  const hasInput = d.resident !== null || d.item !== null || d.note !== '';

  return (
    <div className="sd-intake-new" data-testid="intake-new">
      <div className="sd-intake-steps">
        <Step no={1} title={S.STEP_RESIDENT} hint={!d.resident && S.STEP_RESIDENT_HINT} state={d.resident ? 'done' : 'active'} error={d.errors.resident} testId="intake-step-resident">
          {d.resident ? (
            <ResidentLine resident={d.resident} onChange={d.clearResident} />
          ) : (
            <div ref={residentBox}>
              <ResidentPicker onPick={d.pickResident} />
            </div>
          )}
        </Step>

        <Step no={2} title={S.STEP_ITEM} hint={d.resident && !d.item && S.STEP_ITEM_HINT} state={d.item ? 'done' : d.resident ? 'active' : 'waiting'} error={d.errors.item} testId="intake-step-item">
          {d.item ? (
            <div className="sd-chosen" data-testid="intake-item">
              <span className="sd-chosen-icon" aria-hidden>
                <FileProtectOutlined />
              </span>
              <span className="sd-chosen-main">
                <span className="sd-chosen-name">
                  {d.item.name}
                  <Tag color={CATEGORY_COLORS[d.item.category]} className="sd-chosen-cat">
                    {d.item.category}
                  </Tag>
                </span>
                <span className="sd-chosen-meta">
                  <span className="sd-mono">{d.item.code}</span>
                  <span>{d.item.department}</span>
                  <span>{timeLimitText(d.item.timeLimit)}</span>
                </span>
              </span>
              <Button size="small" icon={<SwapOutlined />} onClick={d.clearItem} data-testid="intake-change-item">
                {S.CHANGE}
              </Button>
            </div>
          ) : d.resident ? (
            <div ref={itemBox}>
              <ItemPicker onPick={d.pickItem} autoFocus />
            </div>
          ) : (
            <div className="sd-step-waiting">{S.STEP_WAITING_RESIDENT}</div>
          )}
        </Step>

        <Step no={3} title={S.STEP_MATERIALS} hint={d.item && <span className="sd-step-keys">{S.STEP_MATERIALS_HINT}</span>} state={d.item ? 'active' : 'waiting'} testId="intake-step-materials">
          {d.item ? (
            <>
              <MaterialsChecklist
                ref={checklist}
                materials={materials}
                received={d.received}
                onToggle={d.toggle}
                onAll={d.setAll}
                onDone={() => noteRef.current?.focus()}
                error={d.errors.materials}
              />
              <label className="sd-note">
                <span className="sd-note-label">{S.NOTE}</span>
                <Input
                  ref={noteRef}
                  value={d.note}
                  onChange={(e) => d.setNote(e.target.value)}
                  onPressEnter={(e) => {
                    if (e.nativeEvent.isComposing) return;
                    // this Enter only moves the focus: left alone it would also press the button it lands on
                    e.preventDefault();
                    noteDone();
                  }}
                  maxLength={500}
                  placeholder={S.NOTE_PH}
                  status={d.errors.note ? 'error' : undefined}
                  data-testid="intake-note"
                />
              </label>
              {d.errors.note && (
                <div className="sd-field-error" role="alert">
                  {d.errors.note}
                </div>
              )}
            </>
          ) : (
            <div className="sd-step-waiting">{S.STEP_WAITING_ITEM}</div>
          )}
        </Step>
      </div>

      <aside className="sd-intake-side" aria-label={S.SUMMARY_TITLE}>
        <div className="sd-panel sd-promise">
          <div className="sd-promise-label">{S.PROMISED}</div>
          <div className="sd-promise-date" data-testid="intake-promised" data-date={d.preview?.promisedDate ?? ''}>
            {!d.item ? (
              <span className="sd-promise-empty">{S.PROMISED_WAITING}</span>
            ) : d.previewError ? (
              <span className="sd-promise-error">{d.previewError}</span>
            ) : !d.preview ? (
              <span className="sd-promise-empty">{S.PROMISED_LOADING}</span>
            ) : (
              <>
                {promiseText(d.preview)}
                {d.preview.provisional && <ProvisionalTag />}
              </>
            )}
          </div>
          {d.preview && (
            <div className="sd-promise-limit">
              {S.TIME_LIMIT} {d.preview.timeLimitText}
            </div>
          )}
          {d.preview?.calendarWarning && <Alert type="warning" showIcon className="sd-promise-warning" title={d.preview.calendarWarning} data-testid="intake-calendar-warning" />}
          {warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              className="sd-promise-warning"
              title={S.ELIGIBILITY_TITLE}
              data-testid="intake-eligibility-warning"
              description={
                <>
                  <ul className="sd-eligibility-list">
                    {warnings.map((w) => (
                      <li key={w.rule} data-rule={w.rule}>
                        {w.message}
                      </li>
                    ))}
                  </ul>
                  <Checkbox checked={d.override} onChange={(e) => d.setOverride(e.target.checked)} data-testid="intake-override">
                    {S.ELIGIBILITY_OVERRIDE}
                  </Checkbox>
                </>
              }
            />
          )}

          <dl className="sd-facts">
            <dt>{S.DEPARTMENT}</dt>
            <dd data-testid="intake-department">{d.item?.department ?? S.NONE}</dd>
            <dt>{S.FORWARDED}</dt>
            <dd data-testid="intake-forwarded">
              {!d.item ? S.NONE : d.item.forwarded ? <Tag color="purple">{S.FORWARDED_YES}</Tag> : <span>{S.FORWARDED_NO}</span>}
            </dd>
            {d.preview?.notice && (
              <>
                <dt>{S.NOTICE_BEFORE}</dt>
                <dd data-testid="intake-notice-before">{S.NOTICE_BEFORE_TEXT(d.preview.notice.noticeNo, formatDateTime(d.preview.notice.issuedAt))}</dd>
              </>
            )}
            <dt>{S.MISSING}</dt>
            <dd data-testid="intake-missing">
              {!d.item ? (
                S.MISSING_WAIT
              ) : missing.length === 0 ? (
                <span className="sd-ok-text">
                  <CheckCircleFilled /> {S.MISSING_NONE}
                </span>
              ) : (
                <ol className="sd-missing-list">
                  {missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ol>
              )}
            </dd>
          </dl>
        </div>

        <div className="sd-panel sd-intake-actions">
          {d.errors.form && <Alert type="error" showIcon title={d.errors.form} className="sd-intake-error" data-testid="intake-error" />}
          <p className="sd-intake-hint">
            {!ready ? S.ACTION_HINT_WAIT : missing.length > 0 ? S.ACTION_HINT_MISSING(missing.length) : !cleared ? S.ELIGIBILITY_OVERRIDE_NEEDED : onTheSpot ? S.SPOT_HINT : S.ACTION_HINT_READY}
          </p>
          {onTheSpot && d.item && (
            <div className="sd-spot" data-testid="intake-spot">
              <label className="sd-note">
                <span className="sd-note-label">{S.SPOT_RESULT}</span>
                <Input
                  value={d.spotResult}
                  placeholder={S.SPOT_RESULT_DEFAULT(d.item.name)}
                  maxLength={500}
                  onChange={(e) => d.setSpot({ result: e.target.value })}
                  onPressEnter={(e) => {
                    if (e.nativeEvent.isComposing) return;
                    e.preventDefault();
                    acceptRef.current?.focus();
                  }}
                  data-testid="intake-spot-result"
                />
              </label>
              <Checkbox checked={d.spotHandedOver} onChange={(e) => d.setSpot({ handedOver: e.target.checked })} data-testid="intake-spot-handed-over">
                {S.SPOT_HANDED_OVER}
              </Checkbox>
            </div>
          )}
          <Button
            ref={acceptRef}
            type="primary"
            size="large"
            block
            icon={<FileProtectOutlined />}
            disabled={!canAccept}
            loading={d.busy === 'accept'}
            onClick={() => void d.accept({ onTheSpot })}
            data-testid={onTheSpot ? 'intake-accept-on-the-spot' : 'intake-accept'}
          >
            {onTheSpot ? S.SPOT_ACCEPT : S.ACCEPT}
            <span className="sd-kbd sd-kbd-on-primary">{S.ACCEPT_KEY}</span>
          </Button>
          {onTheSpot && (
            <Button block disabled={!canAccept} onClick={() => void d.accept()} data-testid="intake-accept">
              {S.SPOT_ACCEPT_LATER}
            </Button>
          )}
          <Button
            ref={noticeRef}
            block
            icon={<FileExclamationOutlined />}
            disabled={!canNotice}
            loading={d.busy === 'notice'}
            onClick={() => void d.notice()}
            className="sd-notice-button"
            data-testid="intake-notice"
          >
            {S.NOTICE}
            <span className="sd-notice-sub">（{S.NOTICE_SUB}）</span>
          </Button>
          {hasInput && (
            <Popconfirm title={S.START_OVER_CONFIRM} okText={S.START_OVER_OK} cancelText={S.CANCEL} onConfirm={d.reset}>
              <Button type="link" size="small" className="sd-start-over" data-testid="intake-start-over">
                {S.START_OVER}
              </Button>
            </Popconfirm>
          )}
        </div>
      </aside>
      {preview}
    </div>
  );
}
