import { parseSurvivorshipPolicy } from './survivorship-policy';

const parse = (input: unknown) => parseSurvivorshipPolicy(input, 'survivorship.yaml');
const problemsOf = (input: unknown): string => {
  try {
    parse(input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the policy was accepted');
};

describe('parseSurvivorshipPolicy', () => {
  it('reads rules written as names or as one-key objects, and lets groups and attributes inherit validOnly', () => {
    const policy = parse({
      default: { validOnly: true, rules: [{ 'source-priority': ['erp', 'crm'] }, 'most-recent'] },
      groups: { address: { attributes: ['street', 'city'], rules: [{ 'trust-decay': { trust: { erp: 1 }, halfLifeDays: 30 } }] } },
      attributes: { phone: { aggregate: ['most-recent'] }, emailOptIn: { rules: ['consent'], validOnly: false } },
    });
    expect(policy).toEqual({
      default: { validOnly: true, rules: [{ type: 'source-priority', sources: ['erp', 'crm'] }, { type: 'most-recent' }] },
      groups: [{ name: 'address', attributes: ['street', 'city'], validOnly: true, rules: [{ type: 'trust-decay', trust: { erp: 1 }, defaultTrust: 0, halfLifeDays: 30 }] }],
      attributes: {
        phone: { mode: 'aggregate', rankBy: [{ type: 'most-recent' }], validOnly: true },
        emailOptIn: { mode: 'select', rules: [{ type: 'consent' }], validOnly: false },
      },
    });
  });

  it('accepts a source no mapping declares (a source added later)', () => {
    expect(parse({ default: { rules: [{ 'source-priority': ['erp', 'sap'] }] } }).default.rules).toEqual([{ type: 'source-priority', sources: ['erp', 'sap'] }]);
  });

  it('names every problem in one error', () => {
    const message = problemsOf({
      default: { rules: ['most-recent', 'newest', { 'source-priority': [] }, 'valid-only'], validOnly: 'yes' },
      groups: {
        address: { attributes: ['street', 'shoe', 'email'], rules: [{ 'trust-decay': { trust: { erp: 1.5 }, halfLifeDays: -3 } }] },
        other: { attributes: ['street', 'city'], rules: ['most-recent'] },
      },
      attributes: { city: { rules: ['most-recent'] }, shoe: { rules: ['most-recent'] }, phone: { rules: ['most-recent'] }, owner: { aggregate: ['most-recent'] } },
    });
    expect(message.split('; ')).toEqual([
      'survivorship.yaml: default.rules[1]: unknown rule type "newest" (known: source-priority, most-recent, most-frequent, most-complete, trust-decay, consent)',
      'default.rules[2]: source-priority takes a non-empty list of source names',
      'default.rules[3]: unknown rule type "valid-only": valid-only is a flag, write validOnly: true (known: source-priority, most-recent, most-frequent, most-complete, trust-decay, consent)',
      'default.validOnly must be true or false',
      'groups.address.attributes: shoe is not a canonical attribute',
      'groups.address.attributes: email is a list, it is aggregated on its own',
      'groups.address.rules[0]: trust-decay.halfLifeDays must be a positive number of days, not -3',
      'groups.address.rules[0]: trust-decay.trust.erp must be a number in [0, 1], not 1.5',
      'groups.other.attributes: street is already in group address',
      'attributes.city: city moves with group other, configure the group',
      'attributes.shoe: shoe is not a canonical attribute',
      'attributes.phone: phone is a list, write aggregate: [ranking rules] instead of rules',
      'attributes.phone.aggregate must list the rules that rank the values',
      'attributes.owner: aggregate is only for email and phone',
      'attributes.owner.rules must be a non-empty list of rules (source-priority, most-recent, most-frequent, most-complete, trust-decay, consent)',
    ]);
  });

  it('points a file in the old format to the new one', () => {
    expect(problemsOf({ sourcePriority: ['erp'], attributes: { owner: { sourcePriority: ['crm'] } } })).toContain(
      'sourcePriority is no longer a key: write default.rules: [{ source-priority: [...] }]',
    );
  });

  it('refuses parameters on a rule that takes none, and a rule object with two keys', () => {
    const message = problemsOf({ default: { rules: [{ 'most-recent': ['erp'] }, { 'most-recent': null, consent: null }] } });
    expect(message).toContain('default.rules[0]: most-recent takes no parameters');
    expect(message).toContain('default.rules[1]: a rule is a name (most-recent) or a one-key object');
  });
});
