import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '../../../config';
import { newTotpSecret, totpUri } from '../../domain/totp';
import { UserRepository } from '../../infrastructure/user.repository';

/** Appwrite's `MfaType`: the secret and the URI, shown once, to the caller that adds the authenticator. */
export interface MfaTypeView {
  secret: string;
  uri: string;
}

export class AddTotpAuthenticatorCommand extends Command<MfaTypeView> {
  constructor(readonly userId: string) {
    super();
  }
}

export class VerifyTotpAuthenticatorCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly otp: string,
  ) {
    super();
  }
}

export class DeleteTotpAuthenticatorCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}

@CommandHandler(AddTotpAuthenticatorCommand)
export class AddTotpAuthenticatorHandler implements ICommandHandler<
  AddTotpAuthenticatorCommand,
  MfaTypeView
> {
  constructor(
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ userId }: AddTotpAuthenticatorCommand): Promise<MfaTypeView> {
    const secret = newTotpSecret();
    let label = userId;
    await this.users.update(userId, (user) => {
      user.addTotp(secret);
      // Appwrite labels the entry with the email (the app shows it next to the issuer).
      label = user.email ?? userId;
    });
    return { secret, uri: totpUri(secret, label, this.config.PROJECT_ID) };
  }
}

@CommandHandler(VerifyTotpAuthenticatorCommand)
export class VerifyTotpAuthenticatorHandler implements ICommandHandler<VerifyTotpAuthenticatorCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, otp }: VerifyTotpAuthenticatorCommand): Promise<void> {
    await this.users.update(userId, (user) => user.verifyTotp(otp, new Date()));
  }
}

@CommandHandler(DeleteTotpAuthenticatorCommand)
export class DeleteTotpAuthenticatorHandler implements ICommandHandler<DeleteTotpAuthenticatorCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId }: DeleteTotpAuthenticatorCommand): Promise<void> {
    await this.users.update(userId, (user) => user.removeTotp());
  }
}
