export * from './types';
export * from './errors';
export * from './registry';
export * from './decoder';
export * from './uuid';
export * from './mysql/mysql-event-store';
export * from './mysql/schema';
