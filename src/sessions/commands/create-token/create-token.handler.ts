import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generateUniqueId } from '@libs/http/params';
import { randomBytes } from 'node:crypto';
import { UserNotFoundError, UsersReader } from '../../../users';
import { TokenAggregate } from '../../domain/token.aggregate';
import { hashSessionSecret } from '../../infrastructure/session-secret';
import { TokenRepository } from '../../infrastructure/token.repository';

export interface CreatedToken {
  tokenId: string;
  userId: string;
  /** Returned once, to the caller; only its SHA-256 is kept. */
  secret: string;
  createdAt: Date;
  expire: Date;
}

export class CreateTokenCommand extends Command<CreatedToken> {
  constructor(
    readonly userId: string,
    readonly length: number,
    readonly expireSeconds: number,
    readonly ip: string,
    readonly userAgent: string,
  ) {
    super();
  }
}

/** `length` lower-case hex characters, as Appwrite's generic tokens. */
function generateTokenSecret(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

@CommandHandler(CreateTokenCommand)
export class CreateTokenHandler implements ICommandHandler<CreateTokenCommand, CreatedToken> {
  constructor(
    private readonly tokens: TokenRepository,
    private readonly users: UsersReader,
  ) {}

  async execute(command: CreateTokenCommand): Promise<CreatedToken> {
    const user = await this.users.findById(command.userId);
    if (!user) throw new UserNotFoundError();
    const tokenId = generateUniqueId();
    const secret = generateTokenSecret(command.length);
    const expire = new Date(Date.now() + command.expireSeconds * 1000);
    const token = new TokenAggregate(tokenId);
    token.create({
      tokenId,
      userId: user.id,
      userIncarnation: user.incarnation,
      secretHash: hashSessionSecret(secret),
      expire: expire.toISOString(),
      ip: command.ip,
      userAgent: command.userAgent,
    });
    const [recorded] = await this.tokens.save(token);
    return { tokenId, userId: user.id, secret, createdAt: recorded.occurredAt, expire };
  }
}
