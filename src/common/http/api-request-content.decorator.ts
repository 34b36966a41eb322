import { ApiExtension } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  MediaTypeObject,
  OperationObject,
  RequestBodyObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const EXTENSION = 'x-request-content';

/**
 * Documents one more request media type with its own schema (`ApiBody` gives every media type the same one),
 * e.g. `application/merge-patch+json` beside a route's JSON body. {@link moveRequestContent} puts it in place.
 */
export function ApiRequestContent(mediaType: string, schema: Record<string, unknown>): MethodDecorator {
  return ApiExtension(EXTENSION, { [mediaType]: { schema } });
}

/** Moves what {@link ApiRequestContent} recorded into each operation's `requestBody.content`. */
export function moveRequestContent(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Array<OperationObject | undefined>) {
      if (typeof operation !== 'object' || operation === null || !(EXTENSION in operation)) continue;
      const op = operation as OperationObject & Record<string, unknown>;
      const extra = op[EXTENSION] as Record<string, MediaTypeObject>;
      delete op[EXTENSION];
      const body = (op.requestBody ??= { required: true, content: {} }) as RequestBodyObject;
      Object.assign(body.content, extra);
    }
  }
}
