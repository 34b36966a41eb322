import { ApiProperty } from '@nestjs/swagger';

const DATE = '2020-10-15T06:38:00.000+00:00';

/** Appwrite's Session model; every field is always present. */
export class SessionModel {
  @ApiProperty({ example: '5e5ea5c16897e' }) $id!: string;
  @ApiProperty({ example: DATE }) $createdAt!: string;
  @ApiProperty({ example: DATE }) $updatedAt!: string;
  @ApiProperty({ example: '5e5bb8c16897e' }) userId!: string;
  @ApiProperty({ example: DATE }) expire!: string;
  @ApiProperty({
    example: 'email',
    description: '`email` (login), `server` (created with an API key) or `token` (a token exchanged)',
  })
  provider!: string;
  @ApiProperty({ example: 'user@example.com' }) providerUid!: string;
  @ApiProperty({ example: '' }) providerAccessToken!: string;
  @ApiProperty({ example: '' }) providerAccessTokenExpiry!: string;
  @ApiProperty({ example: '' }) providerRefreshToken!: string;
  @ApiProperty({ example: '127.0.0.1' }) ip!: string;
  @ApiProperty({ example: 'MAC' }) osCode!: string;
  @ApiProperty({ example: 'Mac' }) osName!: string;
  @ApiProperty({ example: '10.15.7' }) osVersion!: string;
  @ApiProperty({ example: 'browser' }) clientType!: string;
  @ApiProperty({ example: 'CH' }) clientCode!: string;
  @ApiProperty({ example: 'Chrome' }) clientName!: string;
  @ApiProperty({ example: '120.0' }) clientVersion!: string;
  @ApiProperty({ example: 'Blink' }) clientEngine!: string;
  @ApiProperty({ example: '120.0' }) clientEngineVersion!: string;
  @ApiProperty({ example: 'desktop' }) deviceName!: string;
  @ApiProperty({ example: 'Apple' }) deviceBrand!: string;
  @ApiProperty({ example: '' }) deviceModel!: string;
  @ApiProperty({ example: 'us', description: 'lower-case ISO 3166-1 alpha-2, `--` when unknown' })
  countryCode!: string;
  @ApiProperty({ example: 'United States', description: '`Unknown` when unknown' }) countryName!: string;
  @ApiProperty({ example: true, description: 'Whether this is the session of the request' })
  current!: boolean;
  @ApiProperty({ type: [String], example: ['password'] }) factors!: string[];
  @ApiProperty({
    example: '',
    description:
      'The session secret: filled only in the answer that creates the session (login with an API key, or ' +
      '`POST /v1/users/{userId}/sessions`); `""` everywhere else',
  })
  secret!: string;
  @ApiProperty({ example: '' }) mfaUpdatedAt!: string;
}

export class SessionListModel {
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ type: [SessionModel] }) sessions!: SessionModel[];
}
