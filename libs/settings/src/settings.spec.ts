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
  ])('names %s when it is %j', (name, value) => {
    expect(() => loadSettings({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
