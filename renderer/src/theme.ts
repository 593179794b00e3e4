/** The look: neutral and quiet, with the party-service red kept for the brand mark, the current place and the main action. */
import type { ThemeConfig } from 'antd';

export const BRAND_RED = '#c8161d';

/** The StationDesk faces (fonts.css) only draw what the machine's fonts lack: rare name characters. */
export const FONT_STACK = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "StationDesk ExtA", "StationDesk ExtB", sans-serif';

/**
 * Focus is blue-grey, not red: with a red brand, a red focus ring reads as an error
 * to a clerk scanning the form.
 */
const FOCUS = '#2f6fb3';
const field = {
  activeBorderColor: FOCUS,
  hoverBorderColor: '#7f9cc0',
  activeShadow: '0 0 0 2px rgba(47, 111, 179, 0.16)',
};

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorLink: '#a3141a',
    colorError: '#d4380d',
    colorBgLayout: '#f2f3f5',
    colorTextBase: '#1f2329',
    fontFamily: FONT_STACK,
    fontSize: 14,
    borderRadius: 4,
    controlHeight: 30,
    wireframe: false,
  },
  components: {
    Input: field,
    InputNumber: field,
    DatePicker: field,
    Select: { activeBorderColor: FOCUS, hoverBorderColor: '#7f9cc0', activeOutlineColor: 'rgba(47, 111, 179, 0.16)' },
    Modal: { titleFontSize: 16 },
    Menu: {
      itemHeight: 38,
      itemMarginInline: 6,
      itemBorderRadius: 4,
      itemSelectedBg: '#fbeaea',
      itemSelectedColor: BRAND_RED,
      itemHoverBg: '#f4f5f7',
      iconSize: 16,
    },
    Card: { headerHeight: 44, bodyPadding: 16 },
    Table: { cellPaddingBlockSM: 6, headerBg: '#f7f8fa' },
    Tabs: { horizontalMargin: '0 0 12px 0' },
    Form: { itemMarginBottom: 22, verticalLabelPadding: '0 0 4px' },
  },
};
