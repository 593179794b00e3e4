/**
 * Who is calling, resolved once per call from the access the contract declares for it
 * (common/contract-kit.ts): dispatch asks here, services are handed the answer.
 */
import { AppError } from '../common/errors';
import type { CallName } from '../common/contract';
import type { Access } from '../common/contract-kit';
import type { StaffActor } from '../common/actor';
import { can, isGrantable, type Permission } from '../common/roles';
import type { Auth } from './services/auth';
import { refuseWhilePasswordChangePending } from './password-gate';

/** Throws FORBIDDEN (in Chinese) or answers with the caller: null for a public call. input is as sent, unparsed. */
export type CallerResolver = (name: CallName, access: Access, input: unknown) => StaffActor | null;

export const NOT_ALLOWED = '您的角色没有此项权限，请联系站长或管理员';

/** What a refusal says where the permission has a plainer sentence than NOT_ALLOWED. */
export const DENIED_MESSAGES: Partial<Record<Permission, string>> = {
  'catalogue.edit': '只有站长或管理员可以修改服务清单',
  'calendar.load': '只有站长或管理员可以导入放假安排',
  'residents.revealId': '只有站长或管理员可以查看完整身份证号',
  'residents.import': '只有站长、管理员或经站长授权的工作人员可以批量导入居民',
  'residents.export': '只有站长、管理员或经站长授权的工作人员可以导出重点服务对象台账',
  'relief.view': '只有站长、管理员或经站长授权的救助经办人员可以查看社会救助的收入、健康等信息',
  'relief.emergency': '只有站长可以批准先行救助',
  'wishes.approve': '只有站长或管理员可以审批心愿、设置价值上限',
  'wishes.lobby': '只有站长或管理员可以管理大厅屏链接',
};

export function staffActor(s: { id: string; name: string; role: StaffActor['role'] }): StaffActor {
  return { kind: 'staff', id: s.id, name: s.name, role: s.role };
}

/**
 * A call is allowed by the caller's role OR by a permission the 站长 granted them
 * (grantsOf: what staff_grants holds for an active account; main/services/grants.ts).
 * onRefused hears of a signed-in staff member refused for their role (a refused reveal of a
 * full 身份证号 is itself audited) before the refusal goes back.
 */
export function createCallerResolver(
  auth: Auth,
  onRefused: (name: CallName, who: StaffActor, input: unknown) => void = () => {},
  grantsOf: (staffId: string) => readonly string[] = () => [],
): CallerResolver {
  return (name, access, input) => {
    // before anything else, public calls included: the gate holds for a call added later too
    refuseWhilePasswordChangePending(name, () => auth.passwordChangePending());
    if (access === 'public') return null;
    // signed in, and counted as activity
    const who = staffActor(auth.require());
    if (access !== 'signedIn' && !can(who.role, access) && !(isGrantable(access) && grantsOf(who.id).includes(access))) {
      onRefused(name, who, input);
      throw new AppError('FORBIDDEN', DENIED_MESSAGES[access] ?? NOT_ALLOWED);
    }
    return who;
  };
}
