// Integration tests: real Apache Kafka broker and real PostgreSQL, started once for the run.
module.exports = {
  ...require('../jest.preset'),
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 120000,
};
