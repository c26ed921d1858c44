export type Row = Record<string, string | number>;

export interface Benchmark {
  name: string;
  run(): Promise<Row[]>;
  /** Lines printed under the table, e.g. ratios between rows. */
  notes?(rows: Row[]): string[];
}
