import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable, catchError, from, mergeMap, throwError } from 'rxjs';
import { Logger } from 'pino';
import { DomainError } from '@mdm/core';
import { AuditOutcome, AuditStore } from '@mdm/persistence';
import { PERSONAL_DATA_KEY, PUBLIC_KEY } from './decorators';
import { AuthenticatedRequest, readsMasked } from './auth.guard';
import { AUDIT_LOGGER } from './auth.tokens';

/** The id of what a creation made, when its answer names one. */
const createdId = (body: unknown): string | null => {
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id ?? null : null;
  return typeof id === 'string' ? id : null;
};
const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Path segments to audit target types: `golden-records` → `golden-record`. */
const singular = (segment: string) => segment.replace(/ies$/, 'y').replace(/s$/, '');

/**
 * The audit trail of the API. Every action that changes data is written before it runs
 * (`attempted`, so that an action whose entry cannot be written does not happen) and settled after
 * (`succeeded` or `failed`); every answer with unmasked personal data is written before it is sent.
 * An entry names the caller, the action (`METHOD /route`), the target and the steward's reason;
 * never a value.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditStore,
    @Inject(AUDIT_LOGGER) private readonly logger: Logger,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) || !request.principal) return next.handle();
    const personal = this.reflector.getAllAndOverride<boolean>(PERSONAL_DATA_KEY, targets) === true && !readsMasked(request.principal);
    const mutation = MUTATIONS.has(request.method);
    if (!mutation && !personal) return next.handle();

    const entry = this.entryOf(request);
    if (!mutation) {
      return next.handle().pipe(mergeMap((body) => from(this.write({ ...entry, outcome: 'succeeded' }).then(() => body))));
    }
    const id = await this.write({ ...entry, outcome: 'attempted' });
    return next.handle().pipe(
      mergeMap((body) => from(this.settle(id, 'succeeded', entry.targetId === null ? createdId(body) : null).then(() => body))),
      catchError((error: unknown) => from(this.settle(id, error instanceof DomainError || error instanceof HttpException ? 'denied' : 'failed')).pipe(mergeMap(() => throwError(() => error)))),
    );
  }

  private entryOf(request: AuthenticatedRequest) {
    const principal = request.principal!;
    const params = request.params as Record<string, string>;
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    const body = request.body as { reason?: unknown } | undefined;
    // the target is named by the path segment before `:id` (`/admin/api-keys/:id` → api-key), or,
    // for a creation, by the last segment, its id read from the answer
    const segments = route.split('/').filter(Boolean);
    const at = segments.indexOf(':id');
    const target =
      params.source !== undefined && params.sourceId !== undefined
        ? { targetType: 'source-record', targetId: `${params.source}:${params.sourceId}` }
        : params.id !== undefined && at > 0
          ? { targetType: singular(segments[at - 1]), targetId: params.id.toLowerCase() }
          : { targetType: segments.length > 0 ? singular(segments[segments.length - 1]) : null, targetId: null };
    return {
      at: new Date(),
      actorId: principal.id,
      actorKind: principal.kind,
      action: `${request.method} ${route}`,
      ...target,
      reason: typeof body?.reason === 'string' ? body.reason.slice(0, 2000) : null,
      requestId: request.requestId ?? null,
    };
  }

  private async write(entry: Parameters<AuditStore['insert']>[0]): Promise<string> {
    try {
      return await this.audit.insert(entry);
    } catch (error) {
      this.logger.error({ err: error, action: entry.action, requestId: entry.requestId }, 'audit entry could not be written: action refused');
      throw new DomainError('AUDIT_UNAVAILABLE', 'the audit trail cannot be written: nothing was done, try again later');
    }
  }

  /** The action is done: an entry that cannot be settled stays `attempted`, which still records it. */
  private async settle(id: string, outcome: AuditOutcome, targetId: string | null = null): Promise<void> {
    await this.audit.settle(id, outcome, targetId).catch((error: unknown) => this.logger.error({ err: error, auditId: id }, 'audit entry could not be settled'));
  }
}
