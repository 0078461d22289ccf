// The fixed choices and defaults of kfq's options, declared once: commander offers and checks
// them (and completion reads them from commander), the code that acts on them takes their types.

/** `kfq drill --order`: which cards first. */
export const PICK_ORDERS = ['due', 'new', 'weak', 'random'] as const;
export type PickOrder = (typeof PICK_ORDERS)[number];

/** `kfq drill --retention` when neither it nor drill.retention is set: the share of cards you should still recall when they come due (FSRS's request_retention). */
export const DEFAULT_RETENTION = 0.9;

/** `kfq export --format`. */
export const EXPORT_FORMATS = ['anki', 'csv', 'json', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats `kfq export --history` writes. */
export const HISTORY_FORMATS = ['csv', 'json'] as const satisfies readonly ExportFormat[];

/** `kfq completion <shell>`. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
