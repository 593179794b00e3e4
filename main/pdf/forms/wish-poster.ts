/**
 * 心愿墙 poster for the noticeboard, A4 or A3: the open wishes as cards, each with a QR code
 * that carries the wish's number (what a passer-by quotes at the counter). Its own layout,
 * not a counter form's: large type, a grid, no signature lines. Nothing private is on it:
 * the beneficiary is masked and nothing else of them is printed.
 */
import type { WishPosterData } from '../types';
import type { Content, TableCell, TDocumentDefinitions } from '../pdfmake';
import { qrCanvas, type FormModel, type Reprint } from '../layout';
import { dateTimeCn } from '../format';
import { keepTail } from '../kinsoku';
import { yuanCn } from './wish-lines';

export const WISH_POSTER_TITLE = '微心愿 · 心愿墙';
export const POSTER_EMPTY = '目前没有待认领的心愿，欢迎关注本站后续发布。';

const SIZES = {
  A4: { width: 595.28, height: 841.89, margin: 36, columns: 2, title: 30, font: 11, qr: 70 },
  A3: { width: 841.89, height: 1190.55, margin: 48, columns: 3, title: 44, font: 12, qr: 84 },
} as const;

/** Title and number for the archive and the print job (never personal data). */
export function wishPosterModel(d: WishPosterData): FormModel {
  return { station: d.station, title: '心愿墙海报', docTitle: `心愿墙海报 ${d.paper} ${d.posterNo}`, madeAt: d.madeAt, number: ['海报编号', d.posterNo], time: ['制作时间', dateTimeCn(d.madeAt)], blocks: [] };
}

/** 2026-12-31 → 2026年12月31日: a card's column is narrow, the weekday would wrap. */
function shortDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function card(w: WishPosterData['wishes'][number], s: (typeof SIZES)[keyof typeof SIZES]): TableCell {
  return {
    columns: [
      { width: s.qr, stack: [qrCanvas(w.wishNo, s.qr)] },
      {
        width: '*',
        margin: [8, 2, 0, 0],
        stack: [
          { text: keepTail(w.title), bold: true, fontSize: s.font + 3, margin: [0, 0, 0, 4] },
          { text: `${w.category}\u3000${yuanCn(w.value)}` },
          { text: `受助居民：${w.beneficiaryMasked}` },
          { text: `截止：${shortDate(w.deadline)}` },
          { text: w.claimState, bold: true, margin: [0, 3, 0, 0] },
          { text: `编号 ${w.wishNo}`, fontSize: s.font - 3.5, noWrap: true, margin: [0, 2, 0, 0] },
        ],
      },
    ],
    columnGap: 0,
  };
}

export function wishPosterDefinition(d: WishPosterData, onPages: (n: number) => void, reprint: Reprint | null = null): TDocumentDefinitions {
  const s = SIZES[d.paper];
  const inner = s.width - 2 * s.margin;
  const rows: TableCell[][] = [];
  for (let i = 0; i < d.wishes.length; i += s.columns) {
    const row: TableCell[] = d.wishes.slice(i, i + s.columns).map((w) => card(w, s));
    while (row.length < s.columns) row.push({ text: '' });
    rows.push(row);
  }
  const grid: Content =
    rows.length === 0
      ? { text: POSTER_EMPTY, alignment: 'center', fontSize: s.font + 4, margin: [0, 60, 0, 0] }
      : {
          table: { widths: Array.from({ length: s.columns }, () => '*' as const), body: rows, dontBreakRows: true },
          layout: {
            hLineWidth: () => 0.8,
            vLineWidth: () => 0.8,
            hLineColor: () => '#999999',
            vLineColor: () => '#999999',
            paddingLeft: () => 8,
            paddingRight: () => 8,
            paddingTop: () => 8,
            paddingBottom: () => 8,
          },
        };
  return {
    pageSize: { width: s.width, height: s.height },
    pageMargins: [s.margin, s.margin, s.margin, s.margin + 20],
    info: { title: wishPosterModel(d).docTitle, author: d.station.name, subject: '心愿墙海报', creator: 'StationDesk', producer: 'StationDesk (pdfmake)', creationDate: new Date(d.madeAt) },
    defaultStyle: { fontSize: s.font, lineHeight: 1.15 },
    content: [
      { text: keepTail(d.station.name), alignment: 'center', fontSize: s.font + 5, margin: [0, 0, 0, 4] },
      { text: WISH_POSTER_TITLE, alignment: 'center', fontSize: s.title, bold: true, characterSpacing: 4, margin: [0, 0, 0, 6] },
      ...(d.category ? [{ text: `本期：${d.category}类心愿`, alignment: 'center' as const, fontSize: s.font + 3, bold: true, margin: [0, 0, 0, 6] as [number, number, number, number] }] : []),
      // a copy printed again says so, like every other form (DESIGN.md §6)
      ...(reprint ? [{ text: `补打（第 ${reprint.n} 次）\u3000补打时间：${dateTimeCn(reprint.at)}`, alignment: 'center' as const, bold: true, margin: [0, 0, 0, 6] as [number, number, number, number] }] : []),
      {
        text: `一份小心愿，一片邻里情。扫描卡片上的二维码获取心愿编号，凭编号到${d.station.name}或致电 ${d.station.phone} 认领。`,
        alignment: 'center',
        margin: [0, 0, 0, 12],
      },
      grid,
      ...(d.notListed > 0 ? [{ text: `另有 ${d.notListed} 个待认领心愿未能列出，请到站点查询或按类别分别打印。`, alignment: 'center' as const, bold: true, margin: [0, 10, 0, 0] as [number, number, number, number] }] : []),
    ],
    footer: (current: number, count: number): Content => {
      onPages(count);
      return {
        columns: [
          { text: keepTail(`${d.station.name}\u3000地址：${d.station.address}\u3000咨询电话：${d.station.phone}\u3000制作：${dateTimeCn(d.madeAt)}`), width: '*' },
          { text: `第 ${current} 页 / 共 ${count} 页`, width: 'auto', noWrap: true },
        ],
        columnGap: 16,
        fontSize: s.font - 3,
        margin: [s.margin, 8, s.margin, 0],
        width: inner,
      } as Content;
    },
  };
}
