// What every reader produces: the tables found in a document (rows of cells, each cell a list of
// paragraphs) with the text before each, and the document's title property.

/** One cell: its paragraphs (or lines) in order, as written. List items carry their bullet or number. */
export type Cell = string[];

export type Row = Cell[];

export interface FoundTable {
  rows: Row[];
  /** Paragraphs of the document before this table (from the start of the document), as written. */
  textBefore: string[];
}

export interface DocumentTables {
  /** The document's own title property (docProps dc:title, workbook title), if set. */
  titleProperty: string | null;
  /** Every table found, in document order; the builder picks the plan table by its header row. */
  tables: FoundTable[];
  /** Word footnotes by the text of the paragraph they are marked in (list label left out), when read. */
  notes?: ReadonlyMap<string, readonly string[]>;
}
