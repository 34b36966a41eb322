/**
 * The version written in every error body. Appwrite writes its own server version there; this service
 * speaks the wire format of that Appwrite release.
 */
export const APPWRITE_COMPAT_VERSION = '1.9.6';

/** Appwrite answered `status` to clients whose `X-Appwrite-Response-Format` is below `below`. */
export interface EarlierStatus {
  below: string;
  status: number;
}

/**
 * Base of every error that reaches the wire: an HTTP status plus an Appwrite error `type`
 * (see API.md §2.3). The global filter turns it into `{message, code, type, version}`.
 * Domain and library code throws subclasses; nothing else needs to know about HTTP.
 */
export class AppwriteError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    /** The status Appwrite answered before a release changed it, for clients that ask for an older format. */
    readonly earlier?: EarlierStatus,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400 `general_argument_invalid`: a parameter is missing or fails its validator. */
export class ArgumentInvalidError extends AppwriteError {
  constructor(message: string) {
    super(400, 'general_argument_invalid', message);
  }

  static missing(param: string): ArgumentInvalidError {
    return new ArgumentInvalidError(`Param "${param}" is not optional.`);
  }

  static invalid(param: string, description: string): ArgumentInvalidError {
    return new ArgumentInvalidError(`Invalid \`${param}\` param: ${description}`);
  }
}

/** 400 `general_query_invalid`: a query that cannot be parsed or run. */
export class QueryInvalidError extends AppwriteError {
  constructor(message: string) {
    super(400, 'general_query_invalid', message);
  }
}

/** 400 `general_cursor_not_found`. */
export class CursorNotFoundError extends AppwriteError {
  constructor(id: string, resource = 'User') {
    super(400, 'general_cursor_not_found', `${resource} '${id}' for the 'cursor' value not found.`);
  }
}

/** 400 `database_query_order_null`. */
export class QueryOrderNullError extends AppwriteError {
  constructor(attribute: string) {
    super(
      400,
      'database_query_order_null',
      `Order attribute '${attribute}' is empty on the cursor document; use an order attribute with values.`,
    );
  }
}

/** 409 `document_update_conflict`: optimistic concurrency kept losing after the bounded retries. */
export class ConflictError extends AppwriteError {
  constructor(message = 'The resource was changed by another request at the same time; retry the request.') {
    super(409, 'document_update_conflict', message);
  }
}
