import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

/**
 * Where the console's files are: `apps/api/console` next to the sources, and `dist/apps/api/console`
 * next to the compiled code (the build copies them there), so the same relative path finds both.
 */
export const CONSOLE_DIR = join(__dirname, '..', '..', 'console');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The console file a request path names (empty: the page), or null for anything else. */
export function consoleFile(requested: string): { path: string; type: string } | null {
  let path: string;
  try {
    path = normalize(decodeURIComponent(requested || 'index.html'));
  } catch {
    return null; // a malformed escape
  }
  if (path.startsWith('..') || path.startsWith(sep) || path.split(sep).some((part) => part.startsWith('.'))) return null;
  const type = TYPES[extname(path)];
  if (!type || !existsSync(join(CONSOLE_DIR, path))) return null;
  return { path, type };
}
