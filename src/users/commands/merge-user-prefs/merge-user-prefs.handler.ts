import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserPrefsUpdatedEvent } from '../../domain/events';
import { UserRepository } from '../../infrastructure/user.repository';

/** Extension: RFC 7396 merge patch of the prefs. Answers the prefs the append recorded. */
export class MergeUserPrefsCommand extends Command<Record<string, unknown>> {
  constructor(
    readonly userId: string,
    readonly patch: unknown,
  ) {
    super();
  }
}

@CommandHandler(MergeUserPrefsCommand)
export class MergeUserPrefsHandler implements ICommandHandler<MergeUserPrefsCommand> {
  constructor(private readonly users: UserRepository) {}

  /** The merge runs inside the repository's retry: a concurrent write makes it re-run on the fresh prefs. */
  async execute({ userId, patch }: MergeUserPrefsCommand): Promise<Record<string, unknown>> {
    const recorded = await this.users.update(userId, (user) => user.mergePrefs(patch));
    const event = recorded.map((r) => r.event).find((e) => e instanceof UserPrefsUpdatedEvent);
    return event?.data.prefs ?? {};
  }
}
