import { ApiProperty } from '@nestjs/swagger';

/** Appwrite's `MfaChallenge`. */
export class MfaChallengeModel {
  @ApiProperty({ example: 'bb8ea5c16897e' }) $id!: string;
  @ApiProperty({ example: '2020-10-15T06:38:00.000+00:00' }) $createdAt!: string;
  @ApiProperty({ example: '5e5ea5c168bb8' }) userId!: string;
  @ApiProperty({ example: '2020-10-15T07:38:00.000+00:00', description: 'An hour after it was made' })
  expire!: string;
}
