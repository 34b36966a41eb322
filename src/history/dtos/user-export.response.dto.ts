import { ApiProperty } from '@nestjs/swagger';
import { AccessTokenModel } from '../../access-tokens';
import { IdentityModel } from '../../identities';
import { LogModel } from '../../audit';
import { MembershipModel } from '../../memberships';
import { SessionModel } from '../../sessions';
import { UserModel } from '../../users';
import { UserEventModel } from './user-event.response.dto';

/** Extension: everything the service holds about one user, as one document. */
export class UserExportModel {
  @ApiProperty({ example: '2026-12-05T10:00:00.000+00:00' }) exportedAt!: string;
  @ApiProperty({ example: '5e5ea5c16897e' }) userId!: string;
  @ApiProperty({
    type: UserModel,
    nullable: true,
    description: 'The user now (`password` and `hashOptions` always `null`); `null` once deleted',
  })
  user!: UserModel | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '`null` once deleted',
  })
  prefs!: Record<string, unknown> | null;
  @ApiProperty({ type: [SessionModel], description: 'Live sessions; `secret` is always `""`' })
  sessions!: SessionModel[];
  @ApiProperty({ type: [IdentityModel], description: 'Linked identities; the provider\'s tokens are `""`' })
  identities!: IdentityModel[];
  @ApiProperty({ type: [AccessTokenModel], description: 'Personal access tokens; `secret` is `""`' })
  accessTokens!: AccessTokenModel[];
  @ApiProperty({ type: [MembershipModel] }) memberships!: MembershipModel[];
  @ApiProperty({ type: [LogModel], description: 'The activity log, newest first' }) logs!: LogModel[];
  @ApiProperty({
    type: [UserEventModel],
    description: 'The history of the user, its sessions and identities, oldest first (as `…/events`)',
  })
  events!: UserEventModel[];
}
