/**
 * Exit codes of `kinesis-access` (documented in the README):
 * - 0: success (all grants valid / output written);
 * - 1: invalid input — a grant has problems, a file cannot be read, a directory holds no grant files;
 * - 2: usage error — unknown command or option, missing argument, unknown `--format`;
 * - 3: the CLI could not run — not built, or an internal error (a bug: please report it).
 */
export const ExitCode = {
  Ok: 0,
  Invalid: 1,
  Usage: 2,
  Internal: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
