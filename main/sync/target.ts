/**
 * The one interface the sync worker talks to the county through (DESIGN.md §5, after
 * Joplin's sync targets): over HTTP in production (http-target.ts), in memory with
 * injected faults in tests (memory-target.ts). Every answer is already parsed with
 * common/county/protocol.ts; anything else is a TargetError, never a half answer.
 */
import type { ConfigResponse, DayCloseRequest, DayCloseResponse, EnrollRequest, EnrollResponse, ProtocolErrorCode, PullResponse, PushRequest, PushResponse } from '../../common/county/protocol';

export type TargetErrorKind =
  /** no connection, refused, reset, cut mid-body */
  | 'unreachable'
  /** no answer in time (connect or total) */
  | 'timeout'
  /** 401/403: the token is unknown or revoked; stop and ask for 重新登记 */
  | 'auth'
  /** 413: halve the batch */
  | 'tooLarge'
  /** 5xx and 429: try later (and halve a push) */
  | 'server'
  /** a 2xx whose body does not match the protocol, or a non-JSON answer */
  | 'malformed'
  /** any other 4xx (our request was refused as it is) */
  | 'refused'
  /** the address is plain http to another machine, or not an address */
  | 'config';

/** message is Chinese, for the 同步 area; it never holds the token. */
export class TargetError extends Error {
  constructor(
    readonly kind: TargetErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: ProtocolErrorCode | null = null,
  ) {
    super(message);
    this.name = 'TargetError';
  }
}

export interface CountyTarget {
  config(): Promise<ConfigResponse>;
  enroll(request: EnrollRequest): Promise<EnrollResponse>;
  push(token: string, request: PushRequest): Promise<PushResponse>;
  pull(token: string, after: number, limit: number): Promise<PullResponse>;
  dayClose(token: string, request: DayCloseRequest): Promise<DayCloseResponse>;
}

/** Makes the target for a county address (the worker asks again when the address changes). */
export type TargetFactory = (countyUrl: string) => CountyTarget;
