// Checks for records read back from JSON files (the review log, interview
// reports): a damaged record is reported by the fields that are wrong.

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isDate(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

export function isRating(value: unknown): boolean {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** `a, b missing or invalid` for the checks that failed, or undefined when none did. */
export function faultOf(checks: ReadonlyArray<readonly [string, boolean]>): string | undefined {
  const wrong = checks.filter(([, ok]) => !ok).map(([field]) => field);
  return wrong.length === 0 ? undefined : `${wrong.join(', ')} missing or invalid`;
}
