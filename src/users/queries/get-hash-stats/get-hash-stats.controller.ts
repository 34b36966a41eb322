import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Argon2Hasher } from '@libs/passwords';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors } from '../../../common';
import { PASSWORD_HASHER } from '../../infrastructure/password-hashing';
import { UsersReader } from '../../infrastructure/users.reader';
import type { HashStat, HashStats } from './hash-stats.view';

class HashStatModel implements HashStat {
  @ApiProperty({
    example: 'bcrypt',
    description: '`argon2`, `bcrypt`, `md5`, `sha`, `phpass`, `scrypt`, `scryptMod`',
  })
  algorithm!: string;
  @ApiProperty({
    example: 'm=19456,p=1,t=2',
    description: 'argon2 parameters as in the hash; `""` for others',
  })
  parameters!: string;
  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'For argon2id over a legacy hash (`POST /v1/users/hashes/wrap`): the legacy algorithm',
  })
  wrapped!: string | null;
  @ApiProperty({ example: 120 }) users!: number;
  @ApiProperty({
    example: false,
    description: 'A plain argon2id hash at the current parameters: nothing left to upgrade',
  })
  current!: boolean;
}

class HashStatsModel implements HashStats {
  @ApiProperty({ example: 1500, description: 'Users with a password' }) total!: number;
  @ApiProperty({ example: 120, description: 'Users whose hash will be upgraded at their next login' })
  pending!: number;
  @ApiProperty({ example: 30, description: 'Users without a password' }) withoutPassword!: number;
  @ApiProperty({ type: [HashStatModel] }) hashes!: HashStatModel[];
}

/** Extension: how far a migration of imported hashes to argon2id has come. */
@ApiTags('users')
@Controller('v1/users')
export class GetHashStatsController {
  constructor(
    private readonly users: UsersReader,
    @Inject(PASSWORD_HASHER) private readonly argon2: Argon2Hasher,
  ) {}

  @Get('hashes')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.getHashStats',
    summary: 'Users per password hash algorithm (extension)',
    description:
      'Not in Appwrite. Imported users move to argon2id at their next login; watch `pending` reach 0. ' +
      'Fast legacy hashes wrapped in argon2id (`POST /v1/users/hashes/wrap`) show as `argon2` with `wrapped` ' +
      'set, and stay pending until that login.',
  })
  @ApiOkResponse({ type: HashStatsModel, description: 'Users per hash algorithm and parameters' })
  @ApiAppwriteErrors()
  stats(): Promise<HashStats> {
    return this.users.hashStats(this.argon2);
  }
}
