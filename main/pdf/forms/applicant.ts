/** The block every intake form opens with: who applied, for what. */
import type { ApplicantLine } from '../types';
import type { Field } from '../layout';
import { ensureMaskedId } from '../format';

export function applicantFields(applicant: ApplicantLine, item: { code: string; name: string }): Field[] {
  return [
    { label: '申请人', value: applicant.name, strong: true },
    { label: '身份证号', value: ensureMaskedId(applicant.idMasked) },
    { label: '联系电话', value: applicant.phone },
    { label: '事项编码', value: item.code },
    { label: '家庭住址', value: applicant.address, wide: true },
    { label: '办理事项', value: item.name, wide: true, strong: true },
  ];
}
