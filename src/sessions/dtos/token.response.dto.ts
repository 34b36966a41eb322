import { ApiProperty } from '@nestjs/swagger';

const DATE = '2020-10-15T06:38:00.000+00:00';

/** Appwrite's Token model. */
export class TokenModel {
  @ApiProperty({ example: 'bb8ea5c16897e' }) $id!: string;
  @ApiProperty({ example: DATE }) $createdAt!: string;
  @ApiProperty({ example: '5e5ea5c168bb8' }) userId!: string;
  @ApiProperty({
    example: '3f9a1c',
    description: 'The secret, in clear only in this answer (only its SHA-256 is kept)',
  })
  secret!: string;
  @ApiProperty({ example: DATE }) expire!: string;
  @ApiProperty({ example: '', description: 'Always empty here (no security phrase)' }) phrase!: string;
}
