import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, Observable, throwError } from 'rxjs';
import { TooManyAttemptsError, UserLockedError } from '../../domain/session.errors';

/**
 * Adds `Retry-After` (seconds, RFC 9110) to a 429 from the login limits or a lock-out. The header is set on the reply here
 * and the global filter still writes the Appwrite error body, so the two stay independent.
 */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof TooManyAttemptsError || error instanceof UserLockedError) {
          void context
            .switchToHttp()
            .getResponse<FastifyReply>()
            .header('retry-after', String(error.retryAfterSeconds));
        }
        return throwError(() => error);
      }),
    );
  }
}
