import type { QuerySchema } from '@libs/appwrite-queries';

/** `GET /v1/users/{userId}/events`: paging, and filters on the event type; always oldest first. */
export const HISTORY_QUERY_SCHEMA: QuerySchema = {
  sequenceColumn: 'e.position',
  attributes: {
    type: { column: 'e.type', type: 'string' },
  },
  allowedMethods: ['limit', 'offset', 'cursorAfter', 'cursorBefore', 'equal', 'notEqual'],
};
