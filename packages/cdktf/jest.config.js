module.exports = require('../../jest.base.js')(__dirname, {
  // cdktf's jest matchers (toHaveResourceWithProperties, toBeValidTerraform, …).
  setupFilesAfterEnv: ['<rootDir>/src/test-support/jest-setup.ts'],
});
