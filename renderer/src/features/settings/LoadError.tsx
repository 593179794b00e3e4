import { Alert, Button } from 'antd';
import { errorText } from '../../components/feedback';
import * as S from './strings';

/** A tab whose data could not be read: main's sentence and a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={S.LOAD_FAILED}
      description={errorText(error)}
      action={
        <Button size="small" onClick={onRetry}>
          {S.RETRY}
        </Button>
      }
    />
  );
}
