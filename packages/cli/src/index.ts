/**
 * @packageDocumentation
 * The `kinesis-access` command line: `check`, `render`, `synth`, the freshness check and `diff`. The bin is
 * `bin/kinesis-access.js`; this entry runs the same commands in-process (`main(argv)` resolves to the exit code,
 * one of {@link ExitCode}). Its whole public face: `report.api.md` beside package.json records it.
 */

export { ExitCode } from './exit-codes';
export { main } from './main';
