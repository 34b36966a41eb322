import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArgumentInvalidError } from '@libs/http';
import { failureDescription, ParamValidator } from '@libs/http/params';
import { ErrorCase, when } from './api-errors.decorator';

export interface FieldSpec {
  validator: ParamValidator;
  required?: boolean;
  /** Taken, without validation, when the key is absent (Appwrite's rule for optional params). */
  default?: unknown;
  description?: string;
  example?: unknown;
}

export interface RequestParams<T> {
  /** Class carrying the Swagger schema of the body. */
  dto: Type;
  parse(input: unknown): T;
  /** The 400s `parse` answers (a missing required param, an invalid one), for `ApiAppwriteErrors`. */
  errors: ErrorCase[];
}

/**
 * One definition gives both the Swagger schema and Appwrite's validation: a required param must be present
 * (else `Param "x" is not optional.`), a present one is validated even when empty, an absent optional one
 * takes its default. Unknown keys are ignored, as Appwrite does.
 */
export function defineParams<T>(name: string, fields: Record<keyof T & string, FieldSpec>): RequestParams<T> {
  const dto = { [name]: class {} }[name];
  for (const [key, spec] of Object.entries<FieldSpec>(fields)) {
    ApiProperty({
      ...(spec.validator.schema as object),
      required: spec.required ?? false,
      description: spec.description,
      example: spec.example,
    })(dto.prototype, key);
  }
  return {
    dto,
    errors: argumentErrors(fields),
    parse(input: unknown): T {
      // Any object: Fastify's query-string objects do not have Object.prototype.
      const body =
        typeof input === 'object' && input !== null && !Array.isArray(input)
          ? (input as Record<string, unknown>)
          : {};
      const out: Record<string, unknown> = {};
      for (const [key, spec] of Object.entries<FieldSpec>(fields)) {
        if (!Object.prototype.hasOwnProperty.call(body, key)) {
          if (spec.required) throw ArgumentInvalidError.missing(key);
          out[key] = spec.default;
          continue;
        }
        const result = spec.validator.parse(body[key]);
        // Appwrite skips validation of an optional param sent as null: it takes its default.
        if (!result.ok && body[key] === null && !spec.required) {
          out[key] = spec.default;
          continue;
        }
        if (!result.ok) throw ArgumentInvalidError.invalid(key, failureDescription(spec.validator, result));
        out[key] = result.value;
      }
      return out as T;
    },
  };
}

function argumentErrors(fields: Record<string, FieldSpec>): ErrorCase[] {
  const entries = Object.entries(fields);
  const required = entries.find(([, spec]) => spec.required);
  const [name, spec] = required ?? entries[0];
  return [
    ...(required ? [when(ArgumentInvalidError.missing(name), `\`${name}\` is missing`)] : []),
    when(ArgumentInvalidError.invalid(name, spec.validator.description), `\`${name}\` is invalid`),
  ];
}
