import { ApiProperty } from '@nestjs/swagger';

/** Extension: a user's lock-out state. */
export class LockoutModel {
  @ApiProperty({ example: false, description: 'Whether logins are refused now (429 `user_locked`)' })
  locked!: boolean;
  @ApiProperty({ example: 2, description: 'Failed attempts counted towards the next lock' })
  failedAttempts!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'When the lock ends; `null` when not locked',
  })
  lockedUntil!: string | null;
}
