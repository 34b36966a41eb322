import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IdentityRepository } from '../../infrastructure/identity.repository';

export class DeleteIdentityCommand extends Command<void> {
  constructor(readonly identityId: string) {
    super();
  }
}

@CommandHandler(DeleteIdentityCommand)
export class DeleteIdentityHandler implements ICommandHandler<DeleteIdentityCommand> {
  constructor(private readonly identities: IdentityRepository) {}

  async execute({ identityId }: DeleteIdentityCommand): Promise<void> {
    await this.identities.update(identityId, (identity) => identity.unlink('admin'));
  }
}
