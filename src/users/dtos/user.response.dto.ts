import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';

const DATE = '2020-10-15T06:38:00.000+00:00';

export class TargetModel {
  @ApiProperty({ example: '259125845563242502' }) $id!: string;
  @ApiProperty({ example: DATE }) $createdAt!: string;
  @ApiProperty({ example: DATE }) $updatedAt!: string;
  @ApiProperty({ example: '' }) name!: string;
  @ApiProperty({ example: '5e5ea5c16897e' }) userId!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) providerId!: string | null;
  @ApiProperty({ enum: ['email', 'sms', 'push'] }) providerType!: 'email' | 'sms' | 'push';
  @ApiProperty({ example: 'john@appwrite.io' }) identifier!: string;
  @ApiProperty({ example: false }) expired!: boolean;
}

/** Appwrite's User model (1.9.6), keys in Appwrite's order. */
export class UserModel {
  @ApiProperty({ example: '5e5ea5c16897e' }) $id!: string;
  @ApiProperty({ example: DATE }) $createdAt!: string;
  @ApiProperty({ example: DATE }) $updatedAt!: string;
  @ApiProperty({ example: 'John Doe', description: '`""` when unset' }) name!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Stored password hash; `null` unless the key holds the scope `users.hashes.read`',
  })
  password!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'argon2',
    description: 'argon2, bcrypt, md5, sha, phpass, scrypt or scryptMod',
  })
  hash!: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { type: 'argon2', memory_cost: 19456, time_cost: 2, threads: 1 },
    description: 'Hash parameters as stored; `null` unless the key holds `users.hashes.read`',
  })
  hashOptions!: Record<string, unknown> | null;
  @ApiProperty({ example: DATE }) registration!: string;
  @ApiProperty({ example: true, description: '`false` = blocked' }) status!: boolean;
  @ApiProperty({ type: [String], example: ['vip'] }) labels!: string[];
  @ApiProperty({ example: DATE, description: '`""` if no password was ever set' }) passwordUpdate!: string;
  @ApiProperty({ example: 'john@appwrite.io', description: '`""` when unset' }) email!: string;
  @ApiProperty({ example: '+4930901820', description: '`""` when unset' }) phone!: string;
  @ApiProperty({ example: false }) emailVerification!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) emailCanonical!: string | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, example: null }) emailIsFree!: boolean | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, example: null }) emailIsDisposable!: boolean | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, example: null }) emailIsCorporate!: boolean | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, example: null }) emailIsCanonical!: boolean | null;
  @ApiProperty({ example: false }) phoneVerification!: boolean;
  @ApiProperty({ example: false }) mfa!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { theme: 'pink' } })
  prefs!: Record<string, unknown>;
  @ApiProperty({ type: [TargetModel] }) targets!: TargetModel[];
  @ApiProperty({ example: '', description: '`""` until the user first uses a session' }) accessedAt!: string;
  @ApiPropertyOptional({
    example: false,
    description: 'Whether the user can impersonate other users (response format 1.9.0 and later)',
  })
  impersonator!: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: null,
    description:
      'The impersonator, on the user an impersonating request acts as (`GET /v1/account`); `null` otherwise',
  })
  impersonatorUserId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Extension: why the user is banned; `null` without a ban or for a plain block',
  })
  banReason!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Extension: when the ban lifts by itself; `null` without a ban or for a ban with no end',
  })
  banExpiresAt!: string | null;
}

export class UserListModel {
  @ApiProperty({
    example: 5,
    description: 'Matching users (ignores limit, offset and cursor), capped at 5000',
  })
  total!: number;
  @ApiProperty({ type: [UserModel] }) users!: UserModel[];
}

export class PreferencesModel {
  [key: string]: unknown;
}

/** Appwrite's Account model: what a signed-in user sees of itself, the User without the password fields. */
export class AccountModel extends OmitType(UserModel, ['password', 'hash', 'hashOptions'] as const) {}

/** Appwrite's TargetList model. */
export class TargetListModel {
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ type: [TargetModel] }) targets!: TargetModel[];
}
