import type { QuerySchema } from '@libs/appwrite-queries';

/**
 * The attributes `GET /v1/users/{userId}/memberships` filters and orders on (API.md §5.2). Teams do not
 * exist yet, so the columns name the table teams will bring; the compiled SQL is not run today.
 */
export const MEMBERSHIPS_QUERY_SCHEMA: QuerySchema = {
  sequenceColumn: 'm.sequence',
  attributes: {
    $id: { column: 'm.id', type: 'string' },
    $createdAt: { column: 'm.created_at', type: 'datetime' },
    $updatedAt: { column: 'm.updated_at', type: 'datetime' },
    $sequence: { column: 'm.sequence', type: 'integer' },
    userId: { column: 'm.user_id', type: 'string' },
    teamId: { column: 'm.team_id', type: 'string' },
    invited: { column: 'm.invited', type: 'datetime' },
    joined: { column: 'm.joined', type: 'datetime' },
    confirm: { column: 'm.confirm', type: 'boolean' },
    roles: { column: 'm.roles', type: 'string[]' },
  },
};
