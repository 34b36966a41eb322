import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { toAppwriteError } from '@libs/http';
import { Argon2Hasher } from '@libs/passwords';
import { mapWithConcurrency, Semaphore } from '../../../common';
import { EMAIL_SCOPE, PasswordHash, PHONE_SCOPE, UserAggregate } from '../../domain/user.aggregate';
import { UserAlreadyExistsError } from '../../domain/user.errors';
import { hashForStorage, PASSWORD_HASHER } from '../../infrastructure/password-hashing';
import { UserRepository } from '../../infrastructure/user.repository';
import { UsersReader } from '../../infrastructure/users.reader';
import { BatchUser, parseBatchItem } from './import-users-batch.items';

/** Which of a 409's keys another user (or an earlier item) holds: `id` is what a re-sent item meets. */
export type BatchConflict = 'id' | 'email' | 'phone';

export interface BatchItemResult {
  index: number;
  status: number;
  userId?: string;
  error?: { message: string; code: number; type: string };
  conflict?: BatchConflict;
}

/** Appwrite's 409 for the item, knowing which key collided (Appwrite's message does not say). */
class ItemConflictError extends UserAlreadyExistsError {
  constructor(readonly conflict: BatchConflict) {
    super();
  }
}

const conflictOfScope = (scope: string): BatchConflict =>
  scope === EMAIL_SCOPE ? 'email' : scope === PHONE_SCOPE ? 'phone' : 'id';

export interface BatchResult {
  total: number;
  created: number;
  failed: number;
  dryRun: boolean;
  results: BatchItemResult[];
}

export class ImportUsersBatchCommand extends Command<BatchResult> {
  constructor(
    readonly items: readonly unknown[],
    readonly dryRun: boolean,
  ) {
    super();
  }
}

/** Users written at once: each is a stream load and an append transaction on the shared pool. */
const WRITE_CONCURRENCY = 8;
/** Plain passwords hashed at once: argon2 runs on libuv's 4 threads, which logins need too. */
const HASH_CONCURRENCY = 2;

type Outcome = { user: BatchUser } | { error: unknown };

/** The creation and what comes with it, decided on the user's stream: one append, all or nothing. */
function decideImport(user: UserAggregate, item: BatchUser, password: PasswordHash) {
  user.create({
    userId: item.userId,
    name: item.name,
    email: item.email,
    phone: item.phone,
    ...password,
    ...(item.createdAt ? { registeredAt: item.createdAt } : {}),
  });
  if (item.labels !== undefined && item.labels.length > 0) user.changeLabels(item.labels);
  if (item.prefs !== undefined && Object.keys(item.prefs).length > 0) user.updatePrefs(item.prefs);
  if (item.emailVerification) user.changeEmailVerification(true);
  if (item.phoneVerification) user.changePhoneVerification(true);
  if (item.status === false) user.changeStatus(false);
}

/** Extension `POST /v1/users/batch`: each item created on its own, answered in input order. */
@CommandHandler(ImportUsersBatchCommand)
export class ImportUsersBatchHandler implements ICommandHandler<ImportUsersBatchCommand> {
  private readonly logger = new Logger('ImportUsersBatch');
  private readonly hashing = new Semaphore(HASH_CONCURRENCY);

  constructor(
    private readonly users: UserRepository,
    private readonly reader: UsersReader,
    @Inject(PASSWORD_HASHER) private readonly hasher: Argon2Hasher,
  ) {}

  async execute({ items, dryRun }: ImportUsersBatchCommand): Promise<BatchResult> {
    const outcomes = rejectDuplicates(items.map(parse));
    if (dryRun) await this.predict(outcomes);
    else
      await mapWithConcurrency(outcomes, WRITE_CONCURRENCY, async (outcome, i) => {
        if ('user' in outcome) outcomes[i] = await this.write(outcome.user);
      });
    const results = outcomes.map((outcome, index) => this.resultOf(outcome, index));
    const created = results.filter((r) => r.status === 201).length;
    return { total: results.length, created, failed: results.length - created, dryRun, results };
  }

  private async write(item: BatchUser): Promise<Outcome> {
    try {
      const password =
        'plain' in item.password
          ? await this.hashing.run(() =>
              hashForStorage(this.hasher, (item.password as { plain: string }).plain),
            )
          : item.password;
      await this.users.update(
        item.userId,
        (user) => decideImport(user, item, password),
        (violation) => new ItemConflictError(conflictOfScope(violation.scope)),
      );
      return { user: item };
    } catch (error) {
      // The aggregate refuses an existing id with the plain error.
      const refused = error instanceof UserAlreadyExistsError && !(error instanceof ItemConflictError);
      return { error: refused ? new ItemConflictError('id') : error };
    }
  }

  /** Everything but the append: the aggregate's rules on a new stream, and who holds the ids already. */
  private async predict(outcomes: Outcome[]): Promise<void> {
    const users = outcomes.flatMap((o) => ('user' in o ? [o.user] : []));
    const taken = await this.reader.findTaken(
      users.map((u) => u.userId),
      users.flatMap((u) => (u.email ? [u.email.toLowerCase()] : [])),
      users.flatMap((u) => (u.phone ? [u.phone] : [])),
    );
    outcomes.forEach((outcome, i) => {
      if (!('user' in outcome)) return;
      const { user } = outcome;
      try {
        const noPassword: PasswordHash = { password: null, hash: 'argon2', hashOptions: {} };
        decideImport(
          new UserAggregate(user.userId),
          user,
          'plain' in user.password ? noPassword : user.password,
        );
        if (taken.ids.has(user.userId)) throw new ItemConflictError('id');
        if (user.email && taken.emails.has(user.email.toLowerCase())) throw new ItemConflictError('email');
        if (user.phone && taken.phones.has(user.phone)) throw new ItemConflictError('phone');
      } catch (error) {
        outcomes[i] = { error };
      }
    });
  }

  private resultOf(outcome: Outcome, index: number): BatchItemResult {
    if ('user' in outcome) return { index, status: 201, userId: outcome.user.userId };
    const { status, type, message, unexpected } = toAppwriteError(outcome.error);
    if (unexpected) this.logger.error(`Batch item ${index} failed`, (outcome.error as Error)?.stack);
    const result: BatchItemResult = { index, status, error: { message, code: status, type } };
    if (outcome.error instanceof ItemConflictError) result.conflict = outcome.error.conflict;
    return result;
  }
}

function parse(item: unknown): Outcome {
  try {
    return { user: parseBatchItem(item) };
  } catch (error) {
    return { error };
  }
}

/** A later item with an id, email or phone an earlier valid item has is refused as the append would refuse it. */
function rejectDuplicates(outcomes: Outcome[]): Outcome[] {
  const seen = new Set<string>();
  return outcomes.map((outcome) => {
    if (!('user' in outcome)) return outcome;
    const { userId, email, phone } = outcome.user;
    const keys: Array<[BatchConflict, string]> = [['id', `id:${userId}`]];
    if (email) keys.push(['email', `email:${email.toLowerCase()}`]);
    if (phone) keys.push(['phone', `phone:${phone}`]);
    const repeated = keys.find(([, key]) => seen.has(key));
    if (repeated) return { error: new ItemConflictError(repeated[0]) };
    keys.forEach(([, key]) => seen.add(key));
    return outcome;
  });
}
