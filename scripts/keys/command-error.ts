/** The command could not do its job (no such key): the CLI prints the message in one line and exits 1. */
export class CommandError extends Error {}
