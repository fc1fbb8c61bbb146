/**
 * Byte order: strings compared by their UTF-16 code units, the order `Array.prototype.sort` uses by default.
 * The same on every machine, runtime and locale (unlike `localeCompare` or `Intl.Collator`), so sorted output is
 * byte-identical everywhere. Every sort of names, ARNs, files and keys in kinesis-access goes through it.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
