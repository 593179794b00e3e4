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

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access?: Access) {
  return { input, output, access };
}

type Calls = Record<string, { input: z.ZodType; output: z.ZodType; access?: Access | undefined }>;
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
