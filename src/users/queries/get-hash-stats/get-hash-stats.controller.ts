import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Argon2Hasher } from '@libs/passwords';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors } from '../../../common';
import { MYSQL_POOL } from '../../../database';
import { PASSWORD_HASHER } from '../../infrastructure/password-hashing';

class HashStatModel {
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

class HashStatsModel {
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
    @Inject(MYSQL_POOL) private readonly pool: Pool,
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
  async stats() {
    // The parameters are the fourth `$` field of a PHC string (`m=…,t=…,p=…`), grouped so old argon2 shows too.
    const [rows] = await this.pool.query<RowDataPacket[]>(
      `SELECT hash AS algorithm,
              IF(hash = 'argon2', SUBSTRING_INDEX(SUBSTRING_INDEX(password, '$', 4), '$', -1), '') AS parameters,
              LEFT(password, 10) = '$argon2id$' AS id_variant,
              JSON_UNQUOTE(JSON_EXTRACT(hash_options, '$.wrapped.hash')) AS wrapped, COUNT(*) AS users
         FROM users WHERE password IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY users DESC`,
    );
    const [none] = await this.pool.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM users WHERE password IS NULL',
    );
    const hashes = rows.map((r) => ({
      algorithm: String(r.algorithm),
      parameters: String(r.parameters),
      wrapped: r.wrapped === null ? null : String(r.wrapped),
      users: Number(r.users),
      current:
        r.wrapped === null &&
        Number(r.id_variant) === 1 &&
        this.argon2.isCurrent({ algorithm: 'argon2', hash: `$argon2id$v=19$${r.parameters}$`, options: {} }),
    }));
    const total = hashes.reduce((sum, h) => sum + h.users, 0);
    const pending = hashes.filter((h) => !h.current).reduce((sum, h) => sum + h.users, 0);
    return { total, pending, withoutPassword: Number(none[0].n), hashes };
  }
}
