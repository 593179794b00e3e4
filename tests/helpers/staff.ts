/**
 * A staff member an administrator added, who has already been through the first
 * sign-in and set `input.password` as their own: the shape most tests want. The
 * administrator (ADMIN unless told) is signed in again afterwards.
 */
import type { Staff } from '../../common/contract';
import { ADMIN, type TestApi } from './station';

type Api = TestApi;
type NewStaff = { name: string; login: string; role: Staff['role']; password: string };

export async function addStaff(api: Api, input: NewStaff, admin: { login: string; password: string } = ADMIN): Promise<Staff> {
  // what the administrator typed; the member then replaces it with their own
  const given = `${input.password}Given1`.slice(0, 128);
  const created = await api['staff.create']({ ...input, password: given });
  await api['auth.signIn']({ login: input.login, password: given });
  const { session } = await api['auth.changePassword']({ current: given, next: input.password });
  await api['auth.signIn']({ login: admin.login, password: admin.password });
  return { ...created, mustChangePassword: session.staff.mustChangePassword };
}
