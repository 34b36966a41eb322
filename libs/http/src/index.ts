export * from './appwrite-error';
