/** The documents calls (filled in by that capability). */
export const documentsCalls = {} as const;
