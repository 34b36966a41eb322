import { Module } from '@nestjs/common';
import { JwksController } from './jwks.controller';
import { JwtKeyRing } from './jwt-key-ring';
import { JwtTokens } from './jwt-tokens';

/** Account JWTs: the shared signing keys, signing and verifying, and the public key set. */
@Module({
  controllers: [JwksController],
  providers: [JwtKeyRing, JwtTokens],
  exports: [JwtTokens],
})
export class JwtModule {}
