/** Filled in by the lessons components. */
export const lessons = {} as const;
