import { ValidationError } from '@nestjs/common';
import { validationDetails } from './validation';

const error = (property: string, constraints: Record<string, string>, children: ValidationError[] = []): ValidationError => ({ property, constraints, children });

describe('validation details', () => {
  it('names an unknown field, and nested fields by their path', () => {
    expect(
      validationDetails([
        error('force', { whitelistValidation: 'property force should not exist' }),
        error('reason', { minLength: 'reason must say why, in a few words' }),
        error('items', {}, [error('0', {}, [error('name', { isString: 'name must be a string' })])]),
      ]),
    ).toEqual([
      { field: 'force', message: 'force is not a known field' },
      { field: 'reason', message: 'reason must say why, in a few words' },
      { field: 'items.0.name', message: 'name must be a string' },
    ]);
  });
});
