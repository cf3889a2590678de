/**
 * One CSV field for a file a person may open in a spreadsheet. Text that begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return would be read there as a formula (CSV injection: an uploaded file's id or title such
 * as `=HYPERLINK(…)` runs when the export is opened), so it gets a leading `'`, which spreadsheets show as
 * text; a plain number (`-3`, `+0.5`) is left as it is, since it cannot be a formula. Then RFC 4180: fields
 * with a comma, quote or line break are quoted, with quotes doubled. null and undefined are empty fields.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value !== 'number' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text))
    text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
