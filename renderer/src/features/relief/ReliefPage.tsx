import { InsuranceOutlined } from '@ant-design/icons';
import { ComingSoon } from '../../components/ComingSoon';
import * as S from './strings';

export function ReliefPage() {
  return <ComingSoon title={S.TITLE} subtitle={S.SUBTITLE} icon={<InsuranceOutlined />} heading={S.HEADING} text={S.TEXT} points={S.POINTS} testId="area-relief" />;
}
