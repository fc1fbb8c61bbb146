module.exports = require('../../jest.base.js')(__dirname, {
  setupFilesAfterEnv: ['<rootDir>/src/test-support/built.ts'],
});
