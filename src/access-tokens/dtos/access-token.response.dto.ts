import { ApiProperty } from '@nestjs/swagger';

const DATE = '2020-10-15T06:38:00.000+00:00';

/** A personal access token (extension; Mattermost's user access token). Every field is always present. */
export class AccessTokenModel {
  @ApiProperty({ example: '5e5ea5c16897e' }) $id!: string;
  @ApiProperty({ example: DATE }) $createdAt!: string;
  @ApiProperty({ example: DATE, description: 'Last enabled or disabled (a use does not move it)' })
  $updatedAt!: string;
  @ApiProperty({ example: '5e5bb8c16897e' }) userId!: string;
  @ApiProperty({ example: 'CI deploys' }) description!: string;
  @ApiProperty({ example: true, description: '`false`: disabled (refused until enabled again)' })
  isActive!: boolean;
  @ApiProperty({ example: DATE, description: 'When the token stops working; `""`: never' })
  expire!: string;
  @ApiProperty({
    example: DATE,
    description:
      'Last use on an account route, at most a minute stale (written by the worker); `""`: never used',
  })
  lastUsedAt!: string;
  @ApiProperty({
    example: 'pat_WxHq0k3N2W8u9rVx1m4Jj0yZr3aX6nL0pQ8sT2vB5cE',
    description:
      'The secret, in the answer that created the token only (it is stored as a hash); `""` elsewhere',
  })
  secret!: string;
}

export class AccessTokenListModel {
  @ApiProperty({ example: 1, description: "The user's tokens" }) total!: number;
  @ApiProperty({ type: [AccessTokenModel] }) accessTokens!: AccessTokenModel[];
}
