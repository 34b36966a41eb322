import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BatchItemErrorModel {
  @ApiProperty({ example: 'A user with the same id, email, or phone already exists in this project.' })
  message!: string;
  @ApiProperty({ example: 409 }) code!: number;
  @ApiProperty({ example: 'user_already_exists' }) type!: string;
}

export class BatchItemResultModel {
  @ApiProperty({ example: 0, description: "The item's position in `users`" }) index!: number;
  @ApiProperty({
    example: 201,
    description: '201 created (or, in a dry run, would be), else the status the single route would answer',
  })
  status!: number;
  @ApiPropertyOptional({ example: 'ada', description: 'The id of the created user (status 201)' })
  userId?: string;
  @ApiPropertyOptional({ type: BatchItemErrorModel, description: 'Why the item was refused' })
  error?: BatchItemErrorModel;
  @ApiPropertyOptional({
    enum: ['id', 'email', 'phone'],
    example: 'id',
    description:
      'With a 409: the key already held, by a stored user or an earlier item. `id` is what an item sent again ' +
      'meets; `email` or `phone` means another user has it',
  })
  conflict?: 'id' | 'email' | 'phone';
}

export class BatchResultModel {
  @ApiProperty({ example: 2 }) total!: number;
  @ApiProperty({ example: 1 }) created!: number;
  @ApiProperty({ example: 1 }) failed!: number;
  @ApiProperty({ example: false, description: 'Nothing was written' }) dryRun!: boolean;
  @ApiProperty({ type: [BatchItemResultModel], description: 'One per item, in input order' })
  results!: BatchItemResultModel[];
}
