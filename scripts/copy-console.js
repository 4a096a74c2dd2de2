// Build step: the console's static files go next to the compiled API (dist/apps/api/console), where
// the API serves them from, so a deployment that ships only dist/ has them.
const { cpSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const target = join(root, 'dist', 'apps', 'api', 'console');
rmSync(target, { recursive: true, force: true });
cpSync(join(root, 'apps', 'api', 'console'), target, { recursive: true });
