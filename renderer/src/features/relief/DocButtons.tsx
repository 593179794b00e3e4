/** The papers a case can print now: each button makes the form from the case and opens its preview. */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import type { ReliefForm } from '../../../../common/contracts/relief-docs';
import { DocumentPreview } from '../../components/DocumentPreview';
import { notifyError } from '../../components/feedback';
import { reliefData } from './data';
import * as S from './strings';

export function DocButtons({ caseId, forms, initial = null }: { caseId: string; forms: ReliefForm[]; initial?: string | null }) {
  const [showing, setShowing] = useState<string | null>(initial);
  const [busy, setBusy] = useState<ReliefForm | null>(null);

  async function open(form: ReliefForm) {
    setBusy(form);
    try {
      setShowing((await reliefData.issue(caseId, form)).documentId);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <Space wrap>
        {forms.map((f) => (
          <Button key={f} icon={<PrinterOutlined />} loading={busy === f} onClick={() => void open(f)} data-testid={`relief-doc-${f}`}>
            {S.DOCS[f]}
          </Button>
        ))}
      </Space>
      <DocumentPreview documentId={showing} onClose={() => setShowing(null)} />
    </>
  );
}
