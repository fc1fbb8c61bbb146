// Each suite starts real processes (pnpm pack, Verdaccio, npm/pnpm installs, a Backstage backend, terraform):
// run them one at a time so two installs never fight over the 2 cores.
module.exports = require('../../jest.base.js')(__dirname, {
  maxWorkers: 1,
  testTimeout: 15 * 60_000,
});
