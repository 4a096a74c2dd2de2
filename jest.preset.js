// Shared jest settings: SWC transpilation (with decorator metadata for NestJS and TypeORM) and the path aliases.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@mdm/(core|persistence|messaging|infra|settings|golden|observability|verification)$': '<rootDir>/libs/$1/src',
    '^@mdm/(core|persistence|messaging|infra|settings|golden|observability|verification)/(.*)$': '<rootDir>/libs/$1/src/$2',
    '^@mdm/(engine|api)/(.*)$': '<rootDir>/apps/$1/src/$2',
  },
};
