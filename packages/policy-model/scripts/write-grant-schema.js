// Writes grant.schema.json (the JSON Schema of grant files, for editors) from the built model.
// Run after `pnpm build`: node scripts/write-grant-schema.js   (src/schema.test.ts fails when the file is stale)

const fs = require('node:fs');
const path = require('node:path');
const { grantJsonSchema } = require('../dist/schema');

const out = path.join(__dirname, '..', 'grant.schema.json');
fs.writeFileSync(out, `${JSON.stringify(grantJsonSchema, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
