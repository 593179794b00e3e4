import type { Category } from '../../../../common/catalogue';

/** One tag colour per category, so a clerk scanning a list sees the kind of affair first. */
export const CATEGORY_COLORS: Record<Category, string> = {
  主动服务: 'green',
  可直接办结: 'blue',
  审核转报: 'volcano',
  代办服务: 'purple',
};
