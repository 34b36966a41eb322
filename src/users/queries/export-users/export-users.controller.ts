import { Controller, Get, Inject, Logger, Query as QueryString, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { APPWRITE_COMPAT_VERSION, toAppwriteError } from '@libs/http';
import { searchText } from '@libs/http/params';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { RequireScopes } from '../../../auth';
import {
  ApiAppwriteErrors,
  arrayQueryParam,
  Caller,
  CallerView,
  defineParams,
  QUERY_ERRORS,
} from '../../../common';
import { APP_CONFIG, AppConfig } from '../../../config';
import { UserModel } from '../../dtos/user.response.dto';
import type { UsersExportCursor } from '../../infrastructure/users-export.cursor';
import { toUserModel } from '../../infrastructure/user.mapper';
import type { UserView } from '../user.view';
import { concurrentExports, ExportsBusyError, ExportUsersQuery } from './export-users.handler';

const ExportUsersRequest = defineParams<{ search: string | undefined }>('ExportUsersRequest', {
  search: { validator: searchText },
});

export const NDJSON = 'application/x-ndjson';

/** Extension: every matching user, one User model per line, streamed from one snapshot. */
@ApiTags('users')
@Controller('v1/users')
export class ExportUsersController {
  private readonly logger = new Logger('UsersExport');

  constructor(
    private readonly queryBus: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // A static segment: find-my-way matches it before `:userId` (and `:userId/export` has two segments).
  @Get('export')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.export',
    summary: 'Export users as NDJSON (extension)',
    description:
      'Not in Appwrite. Streams every user matching `queries` and `search` (as in `users.list`) as NDJSON: one ' +
      'User model per line, exactly as `users.get` returns it (the same response format handling; `password` ' +
      'and `hashOptions` only for a key with `users.hashes.read`), in creation order (`$sequence`), read from ' +
      'one consistent snapshot taken when the request starts. Paging and order queries (`limit`, `offset`, ' +
      'cursors, `orderAsc`/`orderDesc`) are refused with 400. Errors before the first line are ordinary ' +
      'Appwrite errors; a failure after it ends the stream with a last line `{"error": {message, code, type, ' +
      'version}}`, which is never a User model. Each line is an item `users.batch` accepts. A process streams at ' +
      'most a quarter of `DATABASE_POOL_SIZE` exports at once (each holds a connection); beyond, 429. A client ' +
      'that takes no bytes for `EXPORT_STALL_TIMEOUT_MS` (60 s) is disconnected.',
  })
  @ApiQuery({
    name: 'queries',
    required: false,
    type: [String],
    description:
      'Filter queries as in `users.list`, e.g. `{"method":"equal","attribute":"status","values":[true]}`',
  })
  @ApiQuery({ name: 'search', required: false, type: String, description: 'As in `users.list`' })
  @ApiExtraModels(UserModel)
  // Only the success is NDJSON (`@ApiProduces` would list the errors, which are JSON, under it too).
  @ApiOkResponse({
    description: 'NDJSON (`application/x-ndjson`): one User model per line, UTF-8, each line ending in `\\n`',
    content: { [NDJSON]: { schema: { $ref: getSchemaPath(UserModel) } } },
  })
  @ApiAppwriteErrors(
    ...ExportUsersRequest.errors,
    ...QUERY_ERRORS,
    new ExportsBusyError(concurrentExports(32)),
  )
  async export(
    @QueryString() query: Record<string, unknown>,
    @Caller() caller: CallerView,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { search } = ExportUsersRequest.parse(query);
    const queries = arrayQueryParam(query, 'queries') ?? [];
    const cursor = await this.queryBus.execute(new ExportUsersQuery(queries, search));
    let first: UserView[];
    try {
      // Read before the status line, so a failure of the first page is still an ordinary error answer.
      first = await cursor.nextPage();
    } catch (error) {
      await cursor.close();
      throw error;
    }
    const lines = this.lines(cursor, first, caller, reply);
    // highWaterMark 1: at most one page waits beyond the socket's buffer, so memory stays one page deep.
    const stream = Readable.from(lines, { objectMode: false, highWaterMark: 1 });
    // A client that goes away must end the snapshot: destroying the stream returns the generator, whose `finally`
    // closes the cursor. Done here, next to the cursor it protects, rather than left to how Fastify pipes.
    reply.raw.once('close', () => {
      if (!stream.destroyed) stream.destroy();
    });
    this.cutOffWhenStalled(reply);
    void reply.status(200).header('content-type', NDJSON).header('cache-control', 'no-store').send(stream);
  }

  /**
   * A client that stays connected but takes no bytes for EXPORT_STALL_TIMEOUT_MS loses the connection, which ends
   * the snapshot: otherwise a stuck consumer would hold a pooled connection (exports are capped at a quarter of the
   * pool) and make MariaDB keep undo history for as long as it likes. Node's socket timeout measures exactly this
   * (it restarts on every write the kernel takes); the server's own value is put back once the response is over,
   * for the keep-alive connection.
   */
  private cutOffWhenStalled(reply: FastifyReply): void {
    const socket = reply.raw.socket;
    if (!socket) return;
    const previous = socket.timeout ?? 0;
    const ms = this.config.EXPORT_STALL_TIMEOUT_MS;
    const onTimeout = () => {
      this.logger.warn(
        { reqId: reply.request.id, stalledMs: ms },
        'users export: the client took no bytes for EXPORT_STALL_TIMEOUT_MS; connection closed',
      );
      socket.destroy();
    };
    socket.setTimeout(ms, onTimeout);
    reply.raw.once('close', () => {
      socket.off('timeout', onTimeout);
      if (!socket.destroyed) socket.setTimeout(previous);
    });
  }

  /** One chunk per page; a disconnect destroys the stream, which returns this generator and ends the snapshot. */
  private async *lines(
    cursor: UsersExportCursor,
    first: UserView[],
    caller: CallerView,
    reply: FastifyReply,
  ): AsyncGenerator<string> {
    try {
      for (let page = first; page.length > 0; page = await cursor.nextPage()) {
        yield page.map((user) => `${JSON.stringify(toUserModel(user, caller))}\n`).join('');
      }
    } catch (exception) {
      const error = toAppwriteError(exception, caller.responseFormat);
      this.logger.error(
        { err: exception, reqId: reply.request.id },
        'users export failed after its first line; ended with an error line',
      );
      const body = {
        message: error.message,
        code: error.status,
        type: error.type,
        version: APPWRITE_COMPAT_VERSION,
      };
      yield `${JSON.stringify({ error: body })}\n`;
    } finally {
      await cursor.close();
    }
  }
}
