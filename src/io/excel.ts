// The exceljs edge, shared by the workbook writers (publish, report) and reader (import).
import type ExcelJS from 'exceljs';

/** exceljs takes a fifth of a second to load: only the commands that read or write a workbook pay for it. */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
