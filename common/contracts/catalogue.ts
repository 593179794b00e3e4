/** The catalogue calls (filled in by that capability). */
export const catalogueCalls = {} as const;
