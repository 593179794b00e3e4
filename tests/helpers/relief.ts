/** A 低保 household for the relief tests: three residents in the registry, and the form's input. */
import type { TestApi } from './station';
import { materialsFor } from '../../common/relief';

/** A valid 18-digit 身份证号 from its first 17 digits. */
export function withCheckDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((n, d, i) => n + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

export async function household(api: TestApi, tag = '1') {
  const applicant = await api['residents.create']({ name: '张建华', idNumber: withCheckDigit(`13010219700101${tag}01`), phone: '13800138001', address: '建北街道中山东路 3 号' });
  const spouse = await api['residents.create']({ name: '李秀英', idNumber: withCheckDigit(`13010219720202${tag}02`), address: '建北街道中山东路 3 号' });
  const child = await api['residents.create']({ name: '张小明', idNumber: withCheckDigit(`13010220150303${tag}03`), address: '建北街道中山东路 3 号' });
  const members = [
    { residentId: applicant.id, relation: 'applicant' as const, employment: 'flexible' as const, incomes: [{ kind: 'wage' as const, amount: 3600, months: 6 }], health: '腰椎间盘突出' },
    { residentId: spouse.id, relation: 'spouse' as const, employment: 'unable' as const, incomes: [], disability: { grade: '2' as const, kind: '肢体' }, health: '尿毒症，每周透析' },
    { residentId: child.id, relation: 'child' as const, employment: 'student' as const, incomes: [], school: '建北小学五年级' },
  ];
  return { applicant, spouse, child, members, all: materialsFor('dibao') };
}

type Clocked = { advance(ms: number): void };
const DAY = 86_400_000;

/**
 * A complete 低保 case walked from 受理 to 报县审批: investigation, opinion, 7 days of 公示, forward.
 * Moves the clock 8 days on (signing the admin in again, as a clerk would the next morning).
 */
export async function forwardedCase(api: TestApi, clock: Clocked, h: Awaited<ReturnType<typeof household>>, admin: { login: string; password: string }) {
  let c = (await api['relief.create']({ type: 'dibao', members: h.members, materialsReceived: h.all, assets: [{ kind: 'deposit', description: '银行存款', value: 3000 }] })).case;
  const today = c.acceptedOn!;
  const step = async (input: Parameters<TestApi['relief.step']>[0]['input']) => (c = await api['relief.step']({ id: c.id, version: c.version, input }));
  await step({ step: 'investigate', investigators: ['王建国', '刘芳'], date: today, findings: '家庭困难属实' });
  await step({ step: 'opinion', agree: true, text: '拟同意纳入低保', proposedAmount: 580 });
  await step({ step: 'publicize', start: today, place: '社区公示栏' });
  clock.advance(7 * DAY);
  await api['auth.signIn'](admin);
  return step({ step: 'forward' });
}
