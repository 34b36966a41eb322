import { Injectable, PipeTransform } from '@nestjs/common';
import { ArgumentInvalidError } from '@libs/http';
import { uid } from '@libs/http/params';
import { when } from './api-errors.decorator';

/** The 400 a malformed path id gets; the pipe throws it and the route's documentation shows it. */
export function invalidPathId(name: string): ArgumentInvalidError {
  return ArgumentInvalidError.invalid(name, uid.description);
}

/** Path ids follow Appwrite's UID rule; a malformed one is a 400, not a 404 (API.md §3). */
@Injectable()
export class PathIdPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  /** For `ApiAppwriteErrors`. */
  get errors() {
    return [when(invalidPathId(this.name), `A malformed \`${this.name}\``)];
  }

  transform(value: string): string {
    const result = uid.parse(value);
    if (!result.ok) throw invalidPathId(this.name);
    return result.value;
  }
}

export const UserIdPipe = new PathIdPipe('userId');
export const SessionIdPipe = new PathIdPipe('sessionId');
export const IdentityIdPipe = new PathIdPipe('identityId');
export const SweepIdPipe = new PathIdPipe('sweepId');
