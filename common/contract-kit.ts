/** Building blocks for the contract and its per-capability parts (common/contracts/). */
import * as z from 'zod';
import type { Permission } from './roles';

// Validation messages in Chinese wherever a schema did not spell its own.
z.config(z.locales.zhCN());

export const none = z.object({}).strict();

/**
 * Who may make a call, declared with it and checked once in dispatch: anyone (before sign-in),
 * any signed-in staff member, or holders of one permission (common/roles.ts).
 */
export type Access = 'public' | 'signedIn' | Permission;

/** A call: its input, its output and who may make it (required: a call nobody thought about is a hole). */
export function call<I extends z.ZodType, O extends z.ZodType, A extends Access>(input: I, output: O, access: A) {
  return { input, output, access };
}

/**
 * The client-made id of one create (a form's one submit): a repeat of it — a double Enter,
 * an HTTP retry — answers with the first result and creates nothing (main/db/requests.ts).
 */
export const RequestId = z.uuid({ error: '请求编号格式不正确，请刷新页面后重试' });

/** One call seen without its own schema types: what code that handles every call alike needs. */
export type CallSpec = { input: z.ZodType; output: z.ZodType; access: Access };
type Calls = Record<string, CallSpec>;
type Merged<P extends readonly Calls[]> = P extends readonly [infer H, ...infer T extends readonly Calls[]] ? H & Merged<T> : unknown;

/**
 * The contract from its parts. A spread would let a later part silently replace a call of
 * the same name (and its access rule, and its schema): here a name used twice is an error
 * at startup, naming the call.
 */
export function mergeParts<const P extends readonly Calls[]>(...parts: P): { [K in keyof Merged<P>]: Merged<P>[K] } {
  const merged: Calls = {};
  for (const part of parts) {
    for (const [name, def] of Object.entries(part)) {
      if (Object.prototype.hasOwnProperty.call(merged, name)) throw new Error(`contract call named twice: ${name}`);
      merged[name] = def;
    }
  }
  return merged as { [K in keyof Merged<P>]: Merged<P>[K] };
}
