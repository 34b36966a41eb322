import { ApiProperty } from '@nestjs/swagger';

/** Appwrite's `MfaFactors`. */
export class MfaFactorsModel {
  @ApiProperty({ example: true, description: 'A verified TOTP authenticator' }) totp!: boolean;
  @ApiProperty({ example: false, description: 'A verified phone number' }) phone!: boolean;
  @ApiProperty({ example: true, description: 'A verified email address' }) email!: boolean;
  @ApiProperty({ example: true, description: 'Recovery codes left to use' }) recoveryCode!: boolean;
}

/** Appwrite's `MfaType`: shown once, by the call that adds the authenticator. */
export class MfaTypeModel {
  @ApiProperty({ example: 'JBSWY3DPEHPK3PXP', description: 'The shared secret (base32)' }) secret!: string;
  @ApiProperty({
    example:
      'otpauth://totp/default:ada%40example.com?issuer=default&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    description: 'The `otpauth://` URI for authenticator apps (usually shown as a QR code)',
  })
  uri!: string;
}

/** Appwrite's `MfaRecoveryCodes`. */
export class MfaRecoveryCodesModel {
  @ApiProperty({ type: [String], example: ['a3kf9xq2mz', 'p7wd4hn8ct'] }) recoveryCodes!: string[];
}
