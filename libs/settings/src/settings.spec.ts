import { loadSettings } from './settings';

describe('loadSettings', () => {
  it('applies defaults and reads typed values', () => {
    const settings = loadSettings({ MDM_HTTP_PORT: '8080', MDM_ROLES: 'engine', MDM_KAFKA_BROKERS: 'a:1,b:2' });
    expect(settings.MDM_HTTP_PORT).toBe(8080);
    expect(settings.MDM_ROLES).toEqual(['engine']);
    expect(settings.MDM_KAFKA_BROKERS).toBe('a:1,b:2');
    expect(settings.MDM_CONSUMER_GROUP).toBe('mdm-engine');
    expect(settings.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['MDM_HTTP_PORT', 'eighty'],
    ['MDM_ROLES', 'engine,cook'],
    ['MDM_KAFKA_BROKERS', 'localhost'],
    ['DATABASE_URL', 'mysql://x'],
    ['MDM_LOG_LEVEL', 'loud'],
    ['MDM_AUTH_TOKEN_TTL', '8 hours'],
    ['MDM_RATE_LIMIT_PER_MINUTE', '0'],
    ['MDM_RATE_LIMIT_LOGIN_PER_MINUTE', 'many'],
  ])('names %s when it is %j', (name, value) => {
    expect(() => loadSettings({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('reads the API security settings, with their defaults', () => {
    expect(loadSettings({})).toMatchObject({ MDM_AUTH_TOKEN_TTL: '8h', MDM_RATE_LIMIT_PER_MINUTE: 600, MDM_RATE_LIMIT_LOGIN_PER_MINUTE: 10 });
    expect(loadSettings({}).MDM_AUTH_SECRET).toBeUndefined();
    const secret = 's'.repeat(40);
    expect(loadSettings({ MDM_AUTH_SECRET: secret, MDM_AUTH_TOKEN_TTL: '30m' })).toMatchObject({ MDM_AUTH_SECRET: secret, MDM_AUTH_TOKEN_TTL: '30m' });
  });

  it('refuses a short token secret without printing it', () => {
    expect(() => loadSettings({ MDM_AUTH_SECRET: 'hunter2' })).toThrow(/MDM_AUTH_SECRET: .*at least 32 characters long \(got a secret value\)/);
    expect(() => loadSettings({ MDM_AUTH_SECRET: 'hunter2' })).not.toThrow(/hunter2/);
  });
});
