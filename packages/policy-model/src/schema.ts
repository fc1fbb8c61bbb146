/** JSON Schema of grant files, for editors. STUB. */
export const grantJsonSchema: Record<string, unknown> = {};
