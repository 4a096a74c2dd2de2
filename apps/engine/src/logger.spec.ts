import { Writable } from 'node:stream';
import { createLogger } from './logger';

describe('logger', () => {
  it('never writes credentials, passwords, tokens or keys', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', 'test', sink);
    logger.info({ req: { headers: { authorization: 'Bearer eyJhbGciOi.secret-token', 'x-api-key': 'mdm_live_key_123' } } }, 'request');
    logger.info({ body: { username: 'steward', password: 'correct horse battery' } }, 'login');
    logger.info({ issued: { token: 'eyJhbGciOi.other', key: 'mdm_created_key_456' }, MDM_AUTH_SECRET: 'x'.repeat(40) }, 'issued');
    const output = lines.join('');
    expect(lines).toHaveLength(3);
    for (const secret of ['secret-token', 'mdm_live_key_123', 'correct horse', 'eyJhbGciOi.other', 'mdm_created_key_456', 'x'.repeat(40)]) expect(output).not.toContain(secret);
    expect(output).toContain('"username":"steward"');
    expect(output.match(/\[secret\]/g)).toHaveLength(6);
  });
});
