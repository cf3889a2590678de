import Papa from 'papaparse';
import { LineChunker, type ByteSink } from './byte-sink';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Decodes a text file in pieces of whole lines. Each piece is read as UTF-8 when it is valid UTF-8 and as
 * Latin-1 (Windows-1252) otherwise: the Netflix titles file is Latin-1, MovieLens files are UTF-8, and
 * neither says so. Pieces end at line breaks, so a multi-byte character is never cut in two.
 */
export class TextPieceSink implements ByteSink {
  private readonly chunker: LineChunker;
  private linesBefore = 0;

  /**
   * `onPiece(text, firstLine)`: `text` holds whole lines separated by `\n` (CRLF is normalised), without the
   * final newline; lines are 1-based. A line longer than `maxLineBytes` refuses `file`.
   */
  constructor(
    file: string,
    maxLineBytes: number,
    private readonly onPiece: (text: string, firstLine: number) => void,
  ) {
    this.chunker = new LineChunker({ file, maxLineBytes, linesBefore: () => this.linesBefore });
  }

  push(chunk: Uint8Array): void {
    this.chunker.push(chunk, (bytes, start, end) => this.decode(bytes.subarray(start, end)));
  }

  end(): void {
    const last = this.chunker.flush();
    if (last) this.decode(last);
  }

  private decode(bytes: Uint8Array): void {
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      text = windows1252.decode(bytes);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    const lines = countNewlines(body) + 1;
    this.onPiece(body, this.linesBefore + 1);
    this.linesBefore += lines;
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * A delimited text file read row by row with papaparse: `onRow(fields, line)` for every row that is not blank,
 * with its 1-based line number (rows never span lines here: pieces end at line breaks).
 */
export function delimitedRowSink(
  file: string,
  config: { delimiter: string; quoteChar?: string; maxLineBytes: number },
  onRow: (fields: string[], line: number) => void,
): ByteSink {
  const { maxLineBytes, ...papaConfig } = config;
  return new TextPieceSink(file, maxLineBytes, (text, firstLine) => {
    const rows = Papa.parse<string[]>(text, {
      ...papaConfig,
      newline: '\n',
      skipEmptyLines: false,
    }).data;
    for (let r = 0; r < rows.length; r++) {
      const fields = rows[r];
      if (fields.length === 1 && fields[0].trim() === '') continue;
      onRow(fields, firstLine + r);
    }
  });
}
