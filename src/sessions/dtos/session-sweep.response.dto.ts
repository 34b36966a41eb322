import { ApiProperty } from '@nestjs/swagger';

const DATE = '2020-10-15T06:38:00.000+00:00';

/** A "revoke every session" job (extension): its state and progress. */
export class SessionSweepModel {
  @ApiProperty({ example: '674f1c2b9e3a7d5c1a20' }) $id!: string;
  @ApiProperty({ example: DATE, description: 'When it was requested: sessions made before are refused' })
  $createdAt!: string;
  @ApiProperty({ example: DATE }) $updatedAt!: string;
  @ApiProperty({ example: 'running', enum: ['running', 'completed'] }) status!: 'running' | 'completed';
  @ApiProperty({
    example: 1200,
    type: Number,
    nullable: true,
    description: 'Sessions to revoke; `null` until the worker has counted them',
  })
  total!: number | null;
  @ApiProperty({ example: 800, description: 'Sessions revoked so far' }) revoked!: number;
  @ApiProperty({ example: DATE, type: String, nullable: true, description: '`null` while running' })
  completedAt!: string | null;
}
