import { ApiProperty } from '@nestjs/swagger';

/** Appwrite's JWT model. */
export class JwtModel {
  @ApiProperty({
    example: 'eyJhbGciOiJFZERTQSIsImtpZCI6Ii4uLiIsInR5cCI6IkpXVCJ9.eyJ1c2VySWQiOiIuLi4ifQ.c2ln',
    description: 'EdDSA-signed JWT; send it as `X-Appwrite-JWT`. Public keys: `GET /.well-known/jwks.json`',
  })
  jwt!: string;
}
