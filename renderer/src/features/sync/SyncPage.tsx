import { CloudSyncOutlined } from '@ant-design/icons';
import { ComingSoon } from '../../components/ComingSoon';
import * as S from './strings';

export function SyncPage() {
  return <ComingSoon title={S.TITLE} subtitle={S.SUBTITLE} icon={<CloudSyncOutlined />} heading={S.HEADING} text={S.TEXT} points={S.POINTS} testId="area-sync" />;
}
