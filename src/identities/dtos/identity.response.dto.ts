import { ApiProperty } from '@nestjs/swagger';

const DATE = '2020-10-15T06:38:00.000+00:00';

/** Appwrite's Identity model; every field is a string and always present. */
export class IdentityModel {
  @ApiProperty({ example: '5e5ea5c16897e' }) $id!: string;
  @ApiProperty({ example: DATE }) $createdAt!: string;
  @ApiProperty({ example: DATE }) $updatedAt!: string;
  @ApiProperty({ example: '5e5bb8c16897e' }) userId!: string;
  @ApiProperty({ example: 'github' }) provider!: string;
  @ApiProperty({ example: '5e5bb8c16897e' }) providerUid!: string;
  @ApiProperty({ example: 'user@example.com', description: '`""` when the provider gave none' })
  providerEmail!: string;
  @ApiProperty({
    example: 'MTQ0NjJkZmQ5OTM2NDE1ZTZjNGZmZjI3',
    description: 'In clear, as Appwrite returns it',
  })
  providerAccessToken!: string;
  @ApiProperty({ example: DATE, description: '`""` when unknown' }) providerAccessTokenExpiry!: string;
  @ApiProperty({
    example: 'MTQ0NjJkZmQ5OTM2NDE1ZTZjNGZmZjI3',
    description: 'In clear, as Appwrite returns it',
  })
  providerRefreshToken!: string;
}

export class IdentityListModel {
  @ApiProperty({
    example: 5,
    description: 'Matching identities (ignores limit, offset and cursor), capped at 5000',
  })
  total!: number;
  @ApiProperty({ type: [IdentityModel] }) identities!: IdentityModel[];
}
