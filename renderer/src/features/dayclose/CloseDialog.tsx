/**
 * 日结's confirmation: what is about to be closed, Enter confirms and Esc cancels; then the
 * progress while main syncs and reports to the county. One request id per opening, so a
 * repeated Enter cannot close twice.
 */
import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { DAY_COUNT_KEYS, DAY_COUNT_LABELS, type DayGlance } from '../../../../common/contracts/dayclose';
import { errorText } from '../../components/feedback';
import { closeToday, type CloseResult } from './data';
import * as S from './strings';

interface Props {
  open: boolean;
  dayText: string;
  glance: DayGlance;
  enrolled: boolean;
  onCancel: () => void;
  onClosed: (r: CloseResult) => void;
}

export function CloseDialog({ open, dayText, glance, enrolled, onCancel, onClosed }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const requestId = useRef(uuidv7());
  const ok = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    requestId.current = uuidv7();
    setError(null);
    setBusy(false);
    // Enter confirms: the confirming button has the focus once the dialog is up.
    const t = setTimeout(() => ok.current?.focus(), 0);
    return () => clearTimeout(t);
  }, [open]);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onClosed(await closeToday(requestId.current));
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  const figures = DAY_COUNT_KEYS.filter((k) => glance.totals[k] > 0).map((k) => `${DAY_COUNT_LABELS[k]} ${glance.totals[k]}`);
  return (
    <Modal
      title={S.CONFIRM_TITLE(dayText)}
      open={open}
      destroyOnHidden
      mask={{ closable: false }}
      keyboard={!busy}
      closable={!busy}
      onCancel={() => !busy && onCancel()}
      footer={
        busy ? null : (
          <>
            <Button onClick={onCancel} data-testid="dayclose-cancel">
              {S.CONFIRM_CANCEL}
            </Button>
            <Button ref={ok} type="primary" onClick={() => void confirm()} data-testid="dayclose-confirm">
              {S.CONFIRM_OK}
            </Button>
          </>
        )
      }
    >
      {busy ? (
        <div className="sd-dayclose-working" data-testid="dayclose-working" role="status">
          <Spin />
          <span>{enrolled ? S.WORKING : S.WORKING_LOCAL}</span>
        </div>
      ) : (
        <>
          <p>{enrolled ? S.CONFIRM_TEXT : S.CONFIRM_TEXT_LOCAL}</p>
          <p data-testid="dayclose-confirm-figures">{figures.length > 0 ? figures.join('，') : S.NO_BUSINESS}</p>
          {!enrolled && <Alert type="info" showIcon title={S.CONFIRM_UNENROLLED} />}
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="dayclose-error" />}
        </>
      )}
    </Modal>
  );
}
