/**
 * @packageDocumentation
 * The `kinesis-access` command line: `check`, `render`, `synth` and the freshness check. The bin is
 * `bin/kinesis-access.js`; this entry lets other tools run the same commands in-process.
 */

export { type CheckReport, checkPaths } from './commands/check';
export { ExitCode } from './exit-codes';
export { createProgram, main } from './main';
