/** A column of a CSV export: its header and how to read the cell from a row. */
export interface CsvColumn<Row> {
  header: string
  value: (row: Row) => string | number | null | undefined
}

// Spreadsheets execute cells that start with these characters as formulas (CSV injection),
// so such text cells get a leading apostrophe, as OWASP recommends.
const FORMULA_START = /^[=+\-@\t\r]/

export function escapeCsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** RFC 4180 CSV: comma separated, CRLF line ends, quotes doubled inside quoted cells. */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines = [columns.map((column) => escapeCsvCell(column.header)).join(',')]
  for (const row of rows) {
    lines.push(columns.map((column) => escapeCsvCell(column.value(row))).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}
