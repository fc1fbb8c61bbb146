#!/usr/bin/env node
// Writes the clients' requirements table (src/requirements.ts) into docs/profiles.md, between its markers.
// Run after `pnpm --filter @kinesis-access/iam-test-kit build`; src/requirements.test.ts checks the doc is current.
const fs = require('node:fs');
const path = require('node:path');
const { replaceRequirementsSection } = require('../dist/render-requirements');

const doc = path.resolve(__dirname, '../../../docs/profiles.md');
const before = fs.readFileSync(doc, 'utf8');
const after = replaceRequirementsSection(before);
if (after !== before) fs.writeFileSync(doc, after);
process.stdout.write(`${after === before ? 'up to date' : 'wrote'} ${path.relative(process.cwd(), doc)}\n`);
