// Narrowing for parsed JSON: a plain object (not null, not an array).
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
