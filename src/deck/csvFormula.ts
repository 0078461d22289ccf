// Spreadsheets run a CSV cell that starts with =, +, -, @, tab or CR as a
// formula. kfq's CSV export puts a single quote in front of such a cell (as
// OWASP advises); kfq's CSV import takes it off again, so an export reads back
// as it was.

export const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as it was before the export neutralised it. */
export function unneutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
