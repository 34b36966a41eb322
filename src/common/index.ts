/** The common module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { connectionFailure, endpointOf } from './dependencies/connection-errors';
export { DependencyStatus, dependencyStatus } from './dependencies/dependency-status';
export { DependencyUnavailableError } from './dependencies/dependency.errors';
export { EventSourcedRepository } from './event-sourced.repository';
export { ApiAppwriteErrors, thrownBy, when } from './http/api-errors.decorator';
export { ApiRequestContent, moveRequestContent } from './http/api-request-content.decorator';
export { arrayQueryParam } from './http/array-query-param';
export { Caller } from './http/caller-view.decorator';
export type { CallerView } from './http/caller-view.decorator';
export { legacyPaging, withLegacyPaging } from './http/legacy-list-params';
export type { LegacyPaging, LegacyPagingOptions } from './http/legacy-list-params';
export { IdentityIdPipe, PathIdPipe, SessionIdPipe, SweepIdPipe, UserIdPipe } from './http/path-id.pipe';
export { QUERY_ERRORS } from './http/query-errors';
export { defineParams } from './http/request-params';
export type { FieldSpec, RequestParams } from './http/request-params';
export { TOTAL_CAP, listPage } from './list/list-page';
export type { ListTable, Page } from './list/list-page';
export { MetricsModule } from './metrics/metrics.module';
export {
  activityLogRowsTotal,
  deadLettersTotal,
  reconcilerRedeliveredTotal,
  relayEventsTotal,
  relayLagSeconds,
  sessionRevocationLagSeconds,
} from './metrics/metrics';
export { PinoNestLogger } from './pino-nest-logger';
export { MicroBatcher } from './queue/micro-batcher';
export { RequestContext } from './request-context';
export type { Principal } from './request-context';
export {
  MAX_TOKEN_LENGTH,
  parseSearch,
  phraseCondition,
  prefixPattern,
  searchTerms,
  tokenPrefixSearch,
  wordsOf,
} from './search/token-search';
export { emailMetadata, NO_EMAIL_METADATA } from './email/email-metadata';
export type { EmailMetadata } from './email/email-metadata';
export { mapWithConcurrency, Semaphore } from './concurrency-limit';
