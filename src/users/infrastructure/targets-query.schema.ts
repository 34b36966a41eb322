import type { QuerySchema } from '@libs/appwrite-queries';

/**
 * The attributes `GET /v1/users/{userId}/targets` filters and orders on: Appwrite's (`userId`, `identifier`,
 * `providerType`; `providerId` is always null here, so it is left out) and the system ones.
 */
export const TARGETS_QUERY_SCHEMA: QuerySchema = {
  sequenceColumn: 't.sequence',
  attributes: {
    $id: { column: 't.id', type: 'string' },
    $createdAt: { column: 't.created_at', type: 'datetime' },
    $updatedAt: { column: 't.updated_at', type: 'datetime' },
    $sequence: { column: 't.sequence', type: 'integer' },
    userId: { column: 't.user_id', type: 'string' },
    providerType: { column: 't.provider_type', type: 'string' },
    identifier: { column: 't.identifier', type: 'string' },
    name: { column: 't.name', type: 'string' },
  },
};

/** Attribute → the cursor row's value of the same column, for `cursorCondition`. */
export function targetCursorValues(row: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [attribute, spec] of Object.entries(TARGETS_QUERY_SCHEMA.attributes)) {
    values[attribute] = row[spec.column.slice('t.'.length)];
  }
  return values;
}
