export * from './appwrite-error';
export * from './dates';
export * from './response-format';
export * from './to-appwrite-error';
export * from './appwrite-exception.filter';
export * from './client-error';
