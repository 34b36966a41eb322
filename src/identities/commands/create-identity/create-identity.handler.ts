import { Command, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { GetUserQuery } from '../../../users';
import type { IdentityCreatedData } from '../../domain/events';
import { IdentityAlreadyExistsError } from '../../domain/identity.errors';
import { IdentityRepository } from '../../infrastructure/identity.repository';

export class CreateIdentityCommand extends Command<void> {
  constructor(readonly data: IdentityCreatedData) {
    super();
  }
}

@CommandHandler(CreateIdentityCommand)
export class CreateIdentityHandler implements ICommandHandler<CreateIdentityCommand> {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly queryBus: QueryBus,
  ) {}

  async execute({ data }: CreateIdentityCommand): Promise<void> {
    // 404 user_not_found before anything is appended.
    await this.queryBus.execute(new GetUserQuery(data.userId));
    // The only constraint an identity claims is its (provider, providerUid) pair.
    await this.identities.update(
      data.identityId,
      (identity) => identity.link(data),
      () => new IdentityAlreadyExistsError(),
    );
  }
}
