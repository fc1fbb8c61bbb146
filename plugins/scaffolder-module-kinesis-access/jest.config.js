// jsdom + @testing-library/react for the form fields. Backstage ships ESM-only builds, so node_modules are
// transformed with swc too, except the big CommonJS packages listed below (faster, and they need no transform).
const base = require('../../jest.base.js');

const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'typescript' ? { syntax, tsx: true } : { syntax, jsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = base(__dirname, {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': swc('typescript'),
    '^.+\\.(m|c)?jsx?$': swc('ecmascript'),
  },
  transformIgnorePatterns: [
    '/node_modules/(?:react|react-dom|scheduler|@material-ui|lodash|core-js|jsdom|@testing-library)/',
  ],
  moduleNameMapper: {
    '\\.(css|less|scss|sass)$': '<rootDir>/test/styleMock.js',
    '\\.(svg|png|jpe?g|gif|webp|ico|woff2?|ttf|eot)$': '<rootDir>/test/fileMock.js',
    '^style-inject$': '<rootDir>/test/styleInjectMock.js',
    '/style-inject/dist/style-inject\\.es(\\.esm)?\\.js$': '<rootDir>/test/styleInjectMock.js',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'jsx', 'json'],
  setupFilesAfterEnv: ['<rootDir>/test/setupTests.ts'],
  // Each test mounts the whole scaffolder form; on a loaded 2-core CI machine that can take seconds.
  testTimeout: 30_000,
});
