export const TITLE = '代办';
export const SUBTITLE = '审核转报、代办服务';
export const SUMMARY = '按事项目录受理代办，打印受理回执';
export const HEADING = '代办服务受理';
export const TEXT = '从服务事项目录中选择事项，逐项勾选已收材料，打印载明承诺办结日期的受理回执；转报县级的事项在此跟踪办理进度，直至办结、领取。';
export const POINTS = [
  { title: '事项目录', text: '按县级发布的事项目录列出所需材料和办理时限，承诺日期按工作日计算。' },
  { title: '受理回执', text: '回执载明受理编号、所收材料、承诺办结日期和进度查询方式，可补打。' },
  { title: '进度跟踪', text: '县级受理、处置和反馈结果同步回本站，超期事项及时提醒。' },
] as const;
