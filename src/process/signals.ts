import { processShutdown } from './shutdown';

// Imported first by main.ts for this side effect: the handlers must exist before the (slow) application
// modules load, or a signal during start-up takes Node's default action.
processShutdown.install();
