import { TeamOutlined } from '@ant-design/icons';
import { ComingSoon } from '../../components/ComingSoon';
import * as S from './strings';

export function ResidentsPage() {
  return <ComingSoon title={S.TITLE} subtitle={S.SUBTITLE} icon={<TeamOutlined />} heading={S.HEADING} text={S.TEXT} points={S.POINTS} testId="area-residents" />;
}
