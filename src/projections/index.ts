/** The projection tools' public surface (used by scripts/projections). */
export { readModels } from './read-models';
export type { IgnoredColumn, ReadModel, ReadTable } from './read-model';
export { ProjectionTools, ProjectionToolError } from './projection-tools';
export type { RebuildResult, VerifyResult } from './projection-tools';
export { BarrierTimeoutError } from './append-barrier';
export { formatDifference } from './row-diff';
export type { Difference } from './row-diff';
export type { ProgressReporter } from './progress';
export { SILENT } from './progress';
