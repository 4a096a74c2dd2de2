// Fault suite: the engine under redelivery, replay, crashes and poison input, on a real Kafka broker and PostgreSQL.
module.exports = {
  ...require('./jest-integration.config'),
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.fault-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
