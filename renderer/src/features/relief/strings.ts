export const TITLE = '社会救助';
export const SUBTITLE = '低保、特困、临时救助、医疗救助';
export const SUMMARY = '受理救助申请，入户调查、公示、初审';
export const HEADING = '社会救助申请';
export const TEXT = '受理低保、特困供养、临时救助和医疗救助申请，登记家庭成员、收入、财产、材料和核对授权书，完成入户调查、公示和初审后转报县级审批。';
export const POINTS = [
  { title: '申请登记', text: '按户登记家庭成员、收入和财产状况，核对授权书签署情况。' },
  { title: '调查公示', text: '打印入户调查表和脱敏的公示表，记录公示期间的意见。' },
  { title: '初审转报', text: '初审后转报县级，审批结果同步回本站并告知申请人。' },
] as const;
