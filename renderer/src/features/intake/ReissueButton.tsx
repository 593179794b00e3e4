/** Makes a receipt the record lacks (its making failed after the record was saved), then shows it. */
import { ReloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { notifyError } from '../../components/feedback';
import * as S from './strings';

export function ReissueButton({ recordId, onDone, size = 'large' }: { recordId: string; onDone: (documentId: string) => void; size?: 'small' | 'large' }) {
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const { documentId } = await api['intake.reissue']({ id: recordId });
      onDone(documentId);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button icon={<ReloadOutlined />} size={size} loading={busy} onClick={() => void run()} data-testid="intake-reissue">
      {S.REISSUE}
    </Button>
  );
}
