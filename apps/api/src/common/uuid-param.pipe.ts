import { BadRequestException, PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates a UUID path parameter; the 400 names the parameter. */
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!UUID.test(value)) {
      throw new BadRequestException({
        code: 'INVALID_REQUEST',
        message: `${this.name} must be a UUID`,
        details: [{ field: this.name, message: 'must be a UUID' }],
      });
    }
    return value.toLowerCase();
  }
}
