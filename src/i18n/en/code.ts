/** Filled in by the code components. */
export const code = {} as const;
