/** The residents feature's words for 证件类型 and the number's notes (kept apart from strings.ts to stay small). */
export const F_ID_TYPE = '证件类型';
export const ID_NATIONALITY = (name: string) => `国籍 ${name}`;
