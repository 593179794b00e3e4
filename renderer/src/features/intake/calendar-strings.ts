/** The working-day calendar as the intake screens say it. */
export const PROVISIONAL = '暂定';
export const PROVISIONAL_HELP = '该年度国务院放假通知尚未导入，承诺日期按法定节假日推算；通知导入后，已打印的承诺日期不变，如有差异将在事项详情中标出。';
