import { ScheduleOutlined } from '@ant-design/icons';
import { ComingSoon } from '../../components/ComingSoon';
import * as S from './strings';

export function DayClosePage() {
  return <ComingSoon title={S.TITLE} subtitle={S.SUBTITLE} icon={<ScheduleOutlined />} heading={S.HEADING} text={S.TEXT} points={S.POINTS} testId="area-dayclose" />;
}
