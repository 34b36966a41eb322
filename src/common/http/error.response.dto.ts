import { ApiProperty } from '@nestjs/swagger';

export class ErrorModel {
  @ApiProperty({ example: 'User with the requested ID could not be found.' }) message!: string;
  @ApiProperty({ example: 404, description: 'The HTTP status' }) code!: number;
  @ApiProperty({ example: 'user_not_found', description: "Appwrite's error type" }) type!: string;
  @ApiProperty({ example: '1.9.6' }) version!: string;
}
