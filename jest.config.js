// Unit tests sit beside the code; integration tests live in test/ and need the stack (npm run stack:up).
const moduleNameMapper = {
  '^@chokepoint/([a-z-]+)$': '<rootDir>/libs/$1/src',
};
// Nest 12 ships ES modules; swc turns them into CommonJS for Jest's module system.
const transform = {
  '^.+\\.(t|j)s$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
    },
  ],
};
const transformIgnorePatterns = ['/node_modules/(?!(@nestjs)/)'];
const common = {
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  moduleNameMapper,
  transform,
  transformIgnorePatterns,
  rootDir: __dirname,
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/integration-setup.ts'],
    },
    {
      // The console in headless Chromium against in-process ops and screening: npm run test:browser (runs in band).
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/browser/browser-setup.ts'],
    },
  ],
};
