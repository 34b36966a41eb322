// Two projects so `npm run test:unit` stays IO-free while `npm test` runs everything against real services.
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
  },
];
// NestJS 12 ships as ES modules; Jest on Node 20 cannot require() them, so they are compiled to CommonJS too.
// light-my-request is listed for the ES-module cookie@2 nested under it (the app's own cookie@1 is CommonJS).
const transformIgnorePatterns = [
  '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|peek-readable|@tokenizer|uint8array-extras|load-esm|content-disposition|cookie|light-my-request|@fastify/send|mime|jose)/)',
];
const moduleNameMapper = {
  '^@libs/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@libs/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2',
};
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j|mj)s$': swc },
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
      ],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j|mj)s$': swc },
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
