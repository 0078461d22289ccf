/** The share of cards you should still recall when they come due (FSRS's request_retention); `kfq drill --retention` changes it. In a module of its own so the CLI can show it without loading the scheduler. */
export const DEFAULT_RETENTION = 0.9;
