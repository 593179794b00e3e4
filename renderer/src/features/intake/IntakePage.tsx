import { FileDoneOutlined } from '@ant-design/icons';
import { ComingSoon } from '../../components/ComingSoon';
import * as S from './strings';

export function IntakePage() {
  return <ComingSoon title={S.TITLE} subtitle={S.SUBTITLE} icon={<FileDoneOutlined />} heading={S.HEADING} text={S.TEXT} points={S.POINTS} testId="area-intake" />;
}
