import { Injectable, PipeTransform } from '@nestjs/common';
import { ArgumentInvalidError } from '@libs/http';
import { uid } from '@libs/http/params';

/** Path ids follow Appwrite's UID rule; a malformed one is a 400, not a 404 (API.md §3). */
@Injectable()
export class PathIdPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    const result = uid.parse(value);
    if (!result.ok) throw ArgumentInvalidError.invalid(this.name, uid.description);
    return result.value;
  }
}

export const UserIdPipe = new PathIdPipe('userId');
