// The real-browser test: Debian's Chromium (playwright-core) against the Vite harness. Node environment; the
// test starts the harness server itself. Run with `pnpm test:browser` (part of `pnpm test`).
const base = require('../../jest.base.js');

module.exports = base(__dirname, {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/browser/**/*.browser.test.ts'],
  testTimeout: 300_000,
});
