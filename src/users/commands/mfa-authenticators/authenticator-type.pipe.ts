import { Injectable, PipeTransform } from '@nestjs/common';
import { ArgumentInvalidError } from '@libs/http';
import { whiteList } from '@libs/http/params';
import { when } from '../../../common';

const TYPES = whiteList(['totp'], false);

/** Appwrite's `WhiteList([totp])` for the `{type}` of an authenticator route: anything else is a 400. */
@Injectable()
export class AuthenticatorTypePipe implements PipeTransform<string, 'totp'> {
  static readonly errors = [
    when(ArgumentInvalidError.invalid('type', TYPES.description), 'A `type` other than `totp`'),
  ];

  transform(value: string): 'totp' {
    if (!TYPES.parse(value).ok) throw ArgumentInvalidError.invalid('type', TYPES.description);
    return 'totp';
  }
}
