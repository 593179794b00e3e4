/** The intake calls (filled in by that capability). */
export const intakeCalls = {} as const;
