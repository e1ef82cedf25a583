// ts-jest in ESM mode: the project is "type": "module" and NestJS 12 is ESM-only.
const esm = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    '^#(policy|workflow|db|mail|queue|systems|config)$': '<rootDir>/libs/$1/src/index.ts',
    '^#mail/jsx-runtime$': '<rootDir>/libs/mail/src/jsx-runtime.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testEnvironment: 'node',
};

export default {
  projects: [
    {
      ...esm,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts?(x)', '<rootDir>/apps/**/*.spec.ts?(x)', '<rootDir>/bench/**/*.spec.ts'],
    },
    // The middle tier: application services run in process against a seeded PostgreSQL database of each file's own.
    {
      ...esm,
      displayName: 'service',
      testMatch: ['<rootDir>/libs/**/*.service-spec.ts', '<rootDir>/apps/**/*.service-spec.ts'],
      globalSetup: '<rootDir>/test/support/services-setup.ts',
    },
    {
      ...esm,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // Starting and stopping a system takes seconds on a loaded machine (a stop waits up to 5 s for a graceful exit
  // before SIGKILL), and so do argon2 hashes. A hook cut short at jest's default 5 s leaves a worker running that
  // takes the next spec's jobs. Jest reads this from the top level only: inside a project it is silently ignored.
  testTimeout: 30_000,
};
