import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const DATE = '2020-10-15T06:38:00.000+00:00';

export class EventActorModel {
  @ApiProperty({
    enum: ['key', 'user', 'system', 'guest'],
    description:
      '`key`: an API key (`id` is its id, `bootstrap` for `API_KEY`); `system`: a worker; `guest`: no credential',
  })
  type!: string;
  @ApiProperty({ example: 'bootstrap' }) id!: string;
  @ApiPropertyOptional({
    example: '5e5ea5c16897f',
    description:
      'With `type: user`: the impersonator whose session acted as user `id` (the impersonation headers); ' +
      'absent when nobody was impersonated',
  })
  impersonatorId?: string;
}

/** Extension: one event of a user's history, decoded. */
export class UserEventModel {
  @ApiProperty({ example: '0193a6b2-5c1e-7a3d-9f00-0123456789ab', description: 'Event id (UUID v7)' })
  $id!: string;
  @ApiProperty({ example: 'user.name.changed' }) type!: string;
  @ApiProperty({ enum: ['user', 'session', 'identity'] }) streamType!: string;
  @ApiProperty({ example: '5e5ea5c16897e' }) streamId!: string;
  @ApiProperty({
    example: 2,
    description: 'Order inside its stream, from 1 (`GET /v1/users/{userId}?version=`)',
  })
  version!: number;
  @ApiProperty({ example: 1042, description: 'Global order of the event store' }) position!: number;
  @ApiProperty({ example: DATE }) occurredAt!: string;
  @ApiProperty({ type: EventActorModel }) actor!: EventActorModel;
  @ApiProperty({
    example: 'b3f1c2d4-…',
    description: 'The request that caused it (`X-Request-Id`); `""` if none',
  })
  requestId!: string;
  @ApiProperty({ example: '203.0.113.7', description: '`""` if none' }) ip!: string;
  @ApiProperty({ example: 'curl/8.5.0', description: '`""` if none' }) userAgent!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { name: 'Ada' },
    description:
      'The payload, personal fields decrypted (`null` once erased). Never a plain password or a session ' +
      'secret; password hashes (`password`, `hashOptions`) are `null` unless the key holds `users.hashes.read`; ' +
      "a provider's tokens are `null`",
  })
  data!: Record<string, unknown>;
}

export class UserEventListModel {
  @ApiProperty({ example: 3, description: 'Matching events, counted up to 5,000 (0 with `total=false`)' })
  total!: number;
  @ApiProperty({ type: [UserEventModel] }) events!: UserEventModel[];
}
