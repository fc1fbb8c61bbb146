// The browser end-to-end test starts its own GitHub API stand-in and the real backend (which serves the built
// app), then drives Debian's Chromium. One file, run in band.
module.exports = require('../../jest.base.js')(__dirname, { testTimeout: 300_000 });
