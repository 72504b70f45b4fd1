// The exceljs edge, shared by the workbook writers (publish, report) and reader (import).
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * exceljs takes a fifth of a second to load: only the commands that read or write a workbook pay for it. Required,
 * not imported: it is CommonJS, and the bundled command line has no import() (src/io/import-module.cts says why).
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
}
