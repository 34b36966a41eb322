import { ApiProperty } from '@nestjs/swagger';
import { APPWRITE_COMPAT_VERSION } from '@libs/http';

/** The body of every error (written by the global filter); the examples of each route show its real ones. */
export class ErrorModel {
  @ApiProperty({ example: 'User with the requested ID could not be found.' }) message!: string;
  @ApiProperty({ example: 404, description: 'The HTTP status' }) code!: number;
  @ApiProperty({ example: 'user_not_found', description: "Appwrite's error type" }) type!: string;
  @ApiProperty({
    example: APPWRITE_COMPAT_VERSION,
    description: 'The Appwrite release whose wire format this service speaks',
  })
  version!: string;
}
