/**
 * The one path every call takes, whichever transport carried it: name check, the caller
 * resolved against the call's declared access, schema parse, call, envelope. Raw
 * exceptions never cross to the renderer.
 */
import * as z from 'zod';
import { isCallName, specOf, type CallName, type StationApi } from '../common/contract';
import { AppError, GENERIC_MESSAGES, type Envelope } from '../common/errors';
import { errorText, log } from './log';
import type { CallerResolver } from './access';

/** What a transport hands calls to: the implementation, and who may make each call. */
export interface StationCalls {
  api: StationApi;
  callerFor: CallerResolver;
}

export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  const first = error.issues[0]?.message ?? GENERIC_MESSAGES.VALIDATION;
  return new AppError('VALIDATION', first, fields);
}

export async function dispatch(station: StationCalls, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `未知的调用：${name.slice(0, 60)}` } };
  }
  const spec = specOf(name);
  let caller: ReturnType<StationCalls['callerFor']>;
  try {
    // who may call comes before what was sent: a refused caller learns nothing from the schema
    caller = station.callerFor(name, spec.access, rawInput);
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toBody() };
    log.error('caller check failed', { call: name, error: errorText(err) });
    return { ok: false, error: { code: 'INTERNAL', message: GENERIC_MESSAGES.INTERNAL } };
  }
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error).toBody() };
  try {
    const fn = station.api[name] as (input: unknown, caller: unknown) => Promise<unknown>;
    const value = await fn(parsed.data, caller);
    const out = spec.output.safeParse(value);
    if (!out.success) {
      log.error('output schema mismatch', { call: name, issues: out.error.issues.map((i) => i.path.join('.')).join(',') });
      return { ok: false, error: { code: 'INTERNAL', message: GENERIC_MESSAGES.INTERNAL } };
    }
    return { ok: true, value: out.data };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toBody() };
    if (err instanceof z.ZodError) return { ok: false, error: validationError(err).toBody() };
    // Log the kind and stack only: inputs may hold personal data and are never logged.
    log.error('call failed', { call: name as CallName, error: errorText(err) });
    return { ok: false, error: { code: 'INTERNAL', message: GENERIC_MESSAGES.INTERNAL } };
  }
}
