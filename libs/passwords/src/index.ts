export * from './password-hasher';
export * from './argon2.hasher';
