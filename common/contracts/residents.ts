/** The residents calls (filled in by that capability). */
export const residentsCalls = {} as const;
