/**
 * @packageDocumentation
 * The `kinesis-access` command line: `check`, `render`, `synth`, the freshness check and `diff`. The bin is
 * `bin/kinesis-access.js`; this entry lets other tools run the same commands in-process.
 */

export { type CheckReport, checkPaths } from './commands/check';
export { diffPaths } from './commands/diff';
export { ExitCode } from './exit-codes';
export { createProgram, main } from './main';
