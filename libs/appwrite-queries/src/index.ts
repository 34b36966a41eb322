export * from './types';
export { parseQueries } from './parser';
export { compileQueries } from './compiler';
export { cursorCondition, orderByClause } from './cursor';
export { FILTER_METHODS, PAGINATION_METHODS, SUPPORTED_METHODS } from './methods';
