// Unit tests: *.spec.ts next to the code, no server needed.
module.exports = {
  ...require('./jest.preset'),
  roots: ['<rootDir>/libs', '<rootDir>/apps'],
  testMatch: ['**/*.spec.ts'],
};
