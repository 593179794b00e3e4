/** Building blocks for the contract and its per-capability parts (common/contracts/). */
import * as z from 'zod';

// Validation messages in Chinese wherever a schema did not spell its own.
z.config(z.locales.zhCN());

export const none = z.object({}).strict();

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}
