/** After 登记: the case number, what is missing, the receipt or notice to print, and the way on. */
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useEffect, useRef } from 'react';
import { DocButtons } from './DocButtons';
import { useReliefNav, type ReliefCase } from './data';
import * as S from './strings';

export interface Created {
  case: ReliefCase;
  missing: string[];
  documentId: string | null;
  documentError: string | null;
}

export function Outcome({ created, onNext }: { created: Created; onNext: () => void }) {
  const openCase = useReliefNav((s) => s.openCase);
  const nextRef = useRef<HTMLButtonElement>(null);
  const c = created.case;
  const incomplete = created.missing.length > 0;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('.ant-modal-wrap')) onNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onNext]);

  return (
    <div className="sd-panel sd-relief-outcome" data-testid="relief-outcome">
      <div className="sd-relief-outcome-head">
        {incomplete ? <ExclamationCircleFilled className="sd-relief-warn" /> : <CheckCircleFilled className="sd-relief-ok" />}
        <span data-testid="relief-outcome-text">{incomplete ? S.CREATED_INCOMPLETE(c.caseNo, created.missing.length) : S.CREATED_ACCEPTED(c.caseNo)}</span>
      </div>
      {incomplete && (
        <ol data-testid="relief-outcome-missing">
          {created.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ol>
      )}
      {created.documentError && <Alert type="error" showIcon message={created.documentError} />}
      <DocButtons caseId={c.id} forms={incomplete ? ['correction', 'authorization'] : ['acceptance', 'authorization', 'investigationBlank']} initial={created.documentId} />
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" onClick={() => openCase(c.id)} data-testid="relief-open-case">
          {S.OPEN_CASE}
        </Button>
        <Button ref={nextRef} onClick={onNext} data-testid="relief-next">
          {S.NEXT_APPLICATION} <span className="sd-kbd">Esc</span>
        </Button>
      </Space>
    </div>
  );
}
