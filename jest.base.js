// Shared jest setup: @swc/jest transpiles TypeScript (type checking runs separately as `tsc --noEmit`).
/** @type {(dir: string, extra?: import('jest').Config) => import('jest').Config} */
module.exports = (dir, extra = {}) => ({
  rootDir: dir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  ...extra,
});
