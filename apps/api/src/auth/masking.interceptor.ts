import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable, map } from 'rxjs';
import { maskPersonalData } from '@mdm/core';
import { PERSONAL_DATA_KEY } from './decorators';
import { AuthenticatedRequest, readsMasked } from './auth.guard';

/** Viewers read the answers of @PersonalData handlers with personal values masked, on the server. */
@Injectable()
export class MaskingInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const personal = this.reflector.getAllAndOverride<boolean>(PERSONAL_DATA_KEY, [context.getHandler(), context.getClass()]) === true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!personal || !request.principal || !readsMasked(request.principal)) return next.handle();
    // through JSON first, so that dates and entities are plain values like in the answer
    return next.handle().pipe(map((body) => (body === undefined ? body : maskPersonalData(JSON.parse(JSON.stringify(body))))));
  }
}
