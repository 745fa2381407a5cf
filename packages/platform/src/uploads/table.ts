/** An uploaded spreadsheet as rows of text cells, each with the line (or sheet row) it came from. */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface UploadTable {
  /** the first non-empty row */
  header: string[];
  rows: TableRow[];
  format: "csv" | "xlsx";
  /** what the CSV was read as (xlsx is always UTF-8 inside) */
  encoding: string;
  /** SHA-256 of the bytes as uploaded, hex: names the file in the event log */
  sha256: string;
}
