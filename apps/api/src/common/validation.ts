import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** `{ field, message }` for every failed constraint, nested fields as dotted paths (`items.0.name`). */
export function validationDetails(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator says "property x should not exist" for an unknown field
      message: message.startsWith(`property ${error.property} should not exist`) ? `${field} is not a known field` : message,
    }));
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}

/**
 * Bodies and queries are validated against their classes; a field the class does not declare is
 * refused (400), and the answer names every faulty field.
 */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = validationDetails(errors);
      return new BadRequestException({ code: 'INVALID_REQUEST', message: details.map((d) => d.message).join('; '), details });
    },
  });
}
