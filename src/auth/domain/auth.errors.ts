import { AppwriteError } from '@libs/http';

export class ProjectNotFoundError extends AppwriteError {
  constructor() {
    super(
      404,
      'project_not_found',
      'Project with the requested ID could not be found. Please check the value of the X-Appwrite-Project header to ensure the correct project ID is being used.',
    );
  }
}

export class UnauthorizedKeyError extends AppwriteError {
  constructor() {
    super(401, 'user_unauthorized', 'The current user is not authorized to perform the requested action.');
  }
}

export class KeyExpiredError extends AppwriteError {
  constructor() {
    super(
      401,
      'project_key_expired',
      'The project key has expired. Please generate a new key using the Appwrite console.',
    );
  }
}

export class MissingScopeError extends AppwriteError {
  constructor(role: string, scopes: readonly string[]) {
    super(
      401,
      'general_unauthorized_scope',
      `User (role: ${role}) missing scopes (${JSON.stringify(scopes)})`,
    );
  }
}
