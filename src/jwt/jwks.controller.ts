import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiAppwriteErrors } from '../common';
import { JwtKeyRing } from './jwt-key-ring';

class JwkModel {
  @ApiProperty({ example: 'OKP' }) kty!: string;
  @ApiProperty({ example: 'Ed25519' }) crv!: string;
  @ApiProperty({ example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }) x!: string;
  @ApiProperty({
    example: 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k',
    description: 'Key id (JWK thumbprint)',
  })
  kid!: string;
  @ApiProperty({ example: 'EdDSA' }) alg!: string;
  @ApiProperty({ example: 'sig' }) use!: string;
}

class JwksModel {
  @ApiProperty({ type: [JwkModel] }) keys!: JwkModel[];
}

/** Verifiers cache the set; a `kid` they do not know makes them fetch it again, so a new key is picked up. */
const MAX_AGE_SECONDS = 300;

@ApiTags('jwt')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: JwtKeyRing) {}

  @Get('jwks.json')
  @Header('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`)
  @ApiOperation({
    operationId: 'jwt.getJwks',
    summary: 'Public keys that verify account JWTs (extension)',
    description:
      'Extension: no Appwrite server has it, and it needs no project or key. A JSON Web Key Set with every key ' +
      'whose JWTs may still be valid: the signing key and keys rotated out less than 3660 s ago. Each JWT names ' +
      'its key in the `kid` header; `alg` is `EdDSA` (Ed25519).',
  })
  @ApiOkResponse({ type: JwksModel, description: 'The key set' })
  @ApiAppwriteErrors()
  async jwks(): Promise<JwksModel> {
    return { keys: (await this.keys.publicJwks()) as JwkModel[] };
  }
}
