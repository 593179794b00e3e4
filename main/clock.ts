import { v7 as uuidv7 } from 'uuid';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Client-made ids (DESIGN.md §4): UUIDv7, time-ordered, unique without the county. */
export function newId(clock: Clock): string {
  return uuidv7({ msecs: clock.now().getTime() });
}
