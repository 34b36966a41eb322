import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { formatDateTime } from '@libs/http';
import { AccessTokenModel, ListUserAccessTokensQuery } from '../../../access-tokens';
import { ListUserLogsQuery, toLogModel } from '../../../audit';
import { IdentityModel, ListIdentitiesQuery, toIdentityModel } from '../../../identities';
import { ListUserMembershipsQuery, MembershipModel } from '../../../memberships';
import { SessionModel, SessionsReader, toSessionModel } from '../../../sessions';
import { GetUserQuery, toUserModel, UserModel, UserNotFoundError } from '../../../users';
import type { LogModel } from '../../../audit';
import type { UserEventModel } from '../../dtos/user-event.response.dto';
import { ALL_USER_STREAMS } from '../../history-streams';
import { HistoryReader } from '../../infrastructure/history.reader';
import { toUserEventModel } from '../../infrastructure/user-event.mapper';

/** Everything the service holds about one user (GDPR Art. 15 and 20). */
export interface UserExport {
  exportedAt: string;
  userId: string;
  /** `null` once the user is deleted (its history remains). */
  user: Partial<UserModel> | null;
  prefs: Record<string, unknown> | null;
  sessions: SessionModel[];
  identities: IdentityModel[];
  /** Personal access tokens: names, dates and use, never a secret. */
  accessTokens: AccessTokenModel[];
  memberships: MembershipModel[];
  logs: LogModel[];
  events: UserEventModel[];
}

/** The export leaves the service for the person it is about: no credential of any kind goes in it. */
const NO_HASHES = { showHashes: false };
/** The largest page the list queries accept. */
const PAGE = 5000;

export class ExportUserQuery extends Query<UserExport> {
  constructor(
    readonly userId: string,
    readonly responseFormat: unknown,
  ) {
    super();
  }
}

/**
 * Composes the export from each module's own reads (the same models as their routes) and the decoded history.
 * A deleted user has no user, prefs, sessions or identities left; what the service still holds is its history.
 */
@QueryHandler(ExportUserQuery)
export class ExportUserHandler implements IQueryHandler<ExportUserQuery, UserExport> {
  constructor(
    private readonly history: HistoryReader,
    private readonly sessions: SessionsReader,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ userId, responseFormat }: ExportUserQuery): Promise<UserExport> {
    if (!(await this.history.exists(userId))) throw new UserNotFoundError();
    const exportedAt = formatDateTime(new Date());
    const user = await orNone(this.queryBus.execute(new GetUserQuery(userId)), null);
    return {
      exportedAt,
      userId,
      user: user && toUserModel(user, { ...NO_HASHES, responseFormat }),
      prefs: user?.prefs ?? null,
      sessions: (await this.sessions.listLive(userId)).map((row) => toSessionModel(row)),
      identities: await this.identities(userId),
      accessTokens: await orNone(this.queryBus.execute(new ListUserAccessTokensQuery(userId)), []),
      memberships: (
        await orNone(this.queryBus.execute(new ListUserMembershipsQuery(userId, [], undefined, false)), {
          memberships: [],
        })
      ).memberships,
      logs: await this.logs(userId),
      events: await this.events(userId),
    };
  }

  private async identities(userId: string): Promise<IdentityModel[]> {
    const queries = [
      JSON.stringify({ method: 'equal', attribute: 'userId', values: [userId] }),
      JSON.stringify({ method: 'limit', values: [PAGE] }),
    ];
    const page = await this.queryBus.execute(new ListIdentitiesQuery(queries, undefined, false));
    return page.rows.map((row) => ({
      ...toIdentityModel(row),
      providerAccessToken: '',
      providerRefreshToken: '',
    }));
  }

  private async logs(userId: string): Promise<LogModel[]> {
    const logs: LogModel[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const queries = [
        JSON.stringify({ method: 'limit', values: [PAGE] }),
        JSON.stringify({ method: 'offset', values: [offset] }),
      ];
      const page = await orNone(this.queryBus.execute(new ListUserLogsQuery(userId, queries, false)), {
        total: 0,
        rows: [],
      });
      logs.push(...page.rows.map(toLogModel));
      if (page.rows.length < PAGE) return logs;
    }
  }

  private async events(userId: string): Promise<UserEventModel[]> {
    const events: UserEventModel[] = [];
    for (let after = 0; ;) {
      const batch = await this.history.after({ userId, streamTypes: ALL_USER_STREAMS }, after, 500);
      events.push(...batch.map((event) => toUserEventModel(event, NO_HASHES)));
      if (batch.length < 500) return events;
      after = batch[batch.length - 1].position;
    }
  }
}

/** The answer of a read about the user, or `none` when the user no longer exists. */
async function orNone<T, N>(read: Promise<T>, none: N): Promise<T | N> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof UserNotFoundError) return none;
    throw error;
  }
}
