import { GiftOutlined } from '@ant-design/icons';
import { ComingSoon } from '../../components/ComingSoon';
import * as S from './strings';

export function WishesPage() {
  return <ComingSoon title={S.TITLE} subtitle={S.SUBTITLE} icon={<GiftOutlined />} heading={S.HEADING} text={S.TEXT} points={S.POINTS} testId="area-wishes" />;
}
