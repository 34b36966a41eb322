import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, UserIdPipe } from '../../../common';
import { UserNotFoundError, GetUserQuery } from '../../../users';
import { SessionModel } from '../../dtos/session.response.dto';
import { toSessionModel } from '../../infrastructure/session.mapper';
import { SessionsReader } from '../../infrastructure/sessions.reader';
import { CreateSessionCommand } from './create-session.handler';

@ApiTags('users')
@Controller('v1/users')
export class CreateSessionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly reader: SessionsReader,
  ) {}

  @Post(':userId/sessions')
  @HttpCode(201)
  @RequireScopes('users.write', 'sessions.write')
  @ApiOperation({
    operationId: 'users.createSession',
    summary: 'Create a session for a user (server side)',
    description: 'The answer carries the secret, once; put it in `X-Appwrite-Session` to act as the user.',
  })
  @ApiCreatedResponse({ type: SessionModel, description: 'The new session, with its secret' })
  @ApiAppwriteErrors(...UserIdPipe.errors, UserNotFoundError)
  async create(@Param('userId', UserIdPipe) userId: string, @Req() request: FastifyRequest) {
    await this.queryBus.execute(new GetUserQuery(userId));
    const created = await this.commandBus.execute(
      new CreateSessionCommand(
        userId,
        'server',
        '',
        ['server'],
        request.ip,
        request.headers['user-agent'] ?? '',
      ),
    );
    const row = await this.reader.findById(created.sessionId);
    return toSessionModel(row!, { secret: created.secret });
  }
}
