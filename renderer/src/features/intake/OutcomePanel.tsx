/** What main answered to 受理 or 一次性告知: the number to tell the resident, the document, and the way to the next one. */
import { CheckCircleFilled, ExclamationCircleFilled, PrinterOutlined, RedoOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import type { RefObject } from 'react';
import type { CatalogueItem } from '../../../../common/catalogue';
import type { Outcome, PickedResident } from './draft';
import { promiseText } from './tags';
import { ReissueButton } from './ReissueButton';
import * as S from './strings';
import { PromiseCalendarNote } from './PromiseCalendarNote';

interface Props {
  outcome: Outcome;
  resident: PickedResident | null;
  item: CatalogueItem | null;
  nextRef: RefObject<HTMLButtonElement | null>;
  onShow: (documentId: string) => void;
  onNext: () => void;
  onResume: () => void;
}

export function OutcomePanel({ outcome, resident, item, nextRef, onShow, onNext, onResume }: Props) {
  const accepted = outcome.kind === 'accepted';
  const spot = outcome.kind === 'accepted' && outcome.record.onTheSpot;
  const number = accepted ? outcome.record.receiptNo : outcome.noticeNo;
  const documentId = outcome.documentId;

  return (
    <div className={`sd-panel sd-outcome ${outcome.kind}`} data-testid="intake-outcome" data-kind={outcome.kind}>
      <div className="sd-outcome-icon" aria-hidden>
        {accepted ? <CheckCircleFilled /> : <ExclamationCircleFilled />}
      </div>
      <h2 className="sd-outcome-title" data-testid="intake-outcome-title">
        {spot ? S.DONE_ON_THE_SPOT : accepted ? S.DONE_ACCEPTED : S.DONE_NOTICE}
      </h2>
      <div className="sd-outcome-number">
        <span className="sd-outcome-number-label">{accepted ? S.DONE_RECEIPT_NO : S.DONE_NOTICE_NO}</span>
        <span className="sd-outcome-number-value" data-testid={accepted ? 'intake-receipt-no' : 'intake-notice-no'}>
          {number}
        </span>
      </div>

      <dl className="sd-outcome-facts">
        {resident && (
          <>
            <dt>{S.STEP_RESIDENT}</dt>
            <dd>
              {resident.name} <span className="sd-mono sd-muted">{resident.idMasked}</span>
            </dd>
          </>
        )}
        {item && (
          <>
            <dt>{S.STEP_ITEM}</dt>
            <dd>{item.name}</dd>
          </>
        )}
        {outcome.kind === 'accepted' && outcome.record.onTheSpot ? (
          <>
            <dt>{S.DETAIL_RESULT}</dt>
            <dd>{outcome.record.result}</dd>
            <dt>{S.DONE_HANDOVER}</dt>
            <dd data-testid="intake-outcome-handover">{outcome.record.status === 'collected' ? S.DONE_HANDED_OVER(outcome.record.receiverName ?? '') : S.DONE_TO_COLLECT}</dd>
          </>
        ) : outcome.kind === 'accepted' ? (
          <>
            <dt>{S.PROMISED}</dt>
            <dd className="sd-outcome-promised">
              {promiseText(outcome.record)} <PromiseCalendarNote calendar={outcome.record.calendar} />
            </dd>
            <dt>{S.DEPARTMENT}</dt>
            <dd>{outcome.record.department}</dd>
          </>
        ) : (
          <>
            <dt>{S.DONE_MISSING}</dt>
            <dd>
              <ol className="sd-missing-list">
                {outcome.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ol>
            </dd>
          </>
        )}
      </dl>

      {outcome.documentError ? (
        <Alert type="warning" showIcon title={S.DONE_SAVED_NO_DOC} description={outcome.documentError} className="sd-outcome-alert" data-testid="intake-document-error" />
      ) : (
        <p className="sd-outcome-hint">{spot ? S.DONE_ON_THE_SPOT_HINT : accepted ? S.DONE_HINT : S.DONE_NOTICE_HINT}</p>
      )}

      <div className="sd-outcome-buttons">
        <Button icon={<PrinterOutlined />} size="large" disabled={!documentId} onClick={() => documentId && onShow(documentId)} data-testid="intake-view-document">
          {accepted ? S.DONE_VIEW_RECEIPT : S.DONE_VIEW_NOTICE}
        </Button>
        {accepted && !documentId && <ReissueButton recordId={outcome.record.id} onDone={onShow} />}
        {!accepted && (
          <Button icon={<RedoOutlined />} size="large" onClick={onResume} data-testid="intake-resume">
            {S.DONE_CONTINUE}
          </Button>
        )}
        <Button ref={nextRef} type="primary" size="large" icon={<UserAddOutlined />} onClick={onNext} data-testid="intake-next">
          {S.DONE_NEXT}
          <span className="sd-kbd sd-kbd-on-primary">{S.DONE_NEXT_KEY}</span>
        </Button>
      </div>
    </div>
  );
}
