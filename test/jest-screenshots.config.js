// `npm run console:screenshots`: the console's pages as PNG files in docs/console, taken on the
// engine with the demo's data (the same broker and PostgreSQL setup as the integration tests).
module.exports = {
  ...require('./jest-integration.config'),
  testMatch: ['**/console.screenshots.ts'],
};
