import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ATTRIBUTE_NAMES, ERROR_CODES } from '@mdm/core';
import { CONSOLE_DIR, consoleFile } from './console-files';

describe('the console files the API serves', () => {
  it('serves the page, its modules and its dictionaries, with their types', () => {
    expect(consoleFile('')).toEqual({ path: 'index.html', type: 'text/html; charset=utf-8' });
    expect(consoleFile('js/app.js')).toEqual({ path: 'js/app.js', type: 'text/javascript; charset=utf-8' });
    expect(consoleFile('i18n/fr.json')).toEqual({ path: 'i18n/fr.json', type: 'application/json; charset=utf-8' });
    expect(consoleFile('styles.css')?.type).toBe('text/css; charset=utf-8');
  });

  it('serves nothing outside the console folder, hidden, unknown or malformed', () => {
    for (const path of ['../src/console/console-files.ts', '..%2Fapi.module.ts', '%2e%2e/%2e%2e/package.json', 'js/../../src/main.ts', '.hidden.js', 'missing.js', 'index.ts', '%E0%A4%A', '/etc/passwd']) {
      expect({ path, file: consoleFile(path) }).toEqual({ path, file: null });
    }
  });

  it('has every string in both languages', () => {
    const dictionary = (lang: string) => JSON.parse(readFileSync(join(CONSOLE_DIR, 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;
    const fr = dictionary('fr');
    const en = dictionary('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    expect(Object.entries({ ...fr, ...en }).filter(([, text]) => text.trim() === '')).toEqual([]);
    // placeholders are the same in both languages
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(fr).filter((key) => placeholders(fr[key]).join() !== placeholders(en[key]).join())).toEqual([]);
  });

  it('uses only keys the dictionaries hold', () => {
    const fr = JSON.parse(readFileSync(join(CONSOLE_DIR, 'i18n', 'fr.json'), 'utf8')) as Record<string, string>;
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.js') ? [readFileSync(join(dir, e.name), 'utf8')] : []));
    const used = new Set(sources(join(CONSOLE_DIR, 'js')).flatMap((code) => [...code.matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in fr))).toEqual([]);
  });

  it('orders and names every canonical attribute, and no other', () => {
    // the console is plain browser modules: its reading order is a list of its own, kept to core's
    const code = readFileSync(join(CONSOLE_DIR, 'js', 'attributes.js'), 'utf8');
    const list = code.match(/ATTRIBUTE_ORDER = \[([^\]]*)\]/)?.[1] ?? '';
    const ordered = [...list.matchAll(/'(\w+)'/g)].map((m) => m[1]);
    expect([...ordered].sort()).toEqual([...ATTRIBUTE_NAMES].sort());
    const fr = JSON.parse(readFileSync(join(CONSOLE_DIR, 'i18n', 'fr.json'), 'utf8')) as Record<string, string>;
    expect(ATTRIBUTE_NAMES.filter((name) => !(`attr.${name}` in fr))).toEqual([]);
  });

  it('says every error the API may answer in plain language', () => {
    const fr = JSON.parse(readFileSync(join(CONSOLE_DIR, 'i18n', 'fr.json'), 'utf8')) as Record<string, string>;
    // the codes of the ingestion path are dead letters, never an answer of the API
    const ingestOnly = ['NOT_JSON', 'NOT_AN_OBJECT', 'MESSAGE_TOO_LARGE', 'EMPTY_MESSAGE', 'UNKNOWN_SOURCE', 'MAPPING_INVALID', 'PROCESSING_FAILED'];
    const answered = [...ERROR_CODES.filter((code) => !ingestOnly.includes(code)), 'NOT_FOUND', 'INVALID_REQUEST', 'INTERNAL_ERROR'];
    expect(answered.filter((code) => !(`error.${code}` in fr))).toEqual([]);
  });
});
