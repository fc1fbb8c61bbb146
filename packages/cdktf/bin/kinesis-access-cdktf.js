#!/usr/bin/env node

// The cdktf app as a command, for cdktf.json: `"app": "kinesis-access-cdktf grants"` (the grants directory; default
// $KINESIS_ACCESS_GRANTS_DIR, else `grants`). cdktf runs it from the project directory; run cdktf through your
// package manager (`pnpm exec cdktf synth`, `npx cdktf synth`, a package.json script) so installed bins are on PATH.
// The app itself is compiled TypeScript in ../dist (see src/app.ts).
process.exitCode = require('../dist/app.js').main(process.argv);
