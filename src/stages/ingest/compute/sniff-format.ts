/**
 * Decides what a file is from its first bytes, never from its name: Kaggle renames files, people rename
 * files, and servers decompress `.gz` files on the way.
 */
export type DetectedFormat =
  | { kind: 'empty' }
  | { kind: 'binary' }
  | { kind: 'gzip' }
  | { kind: 'zip' }
  | { kind: 'netflix-ratings' }
  /** probe.txt: `MovieID:` then customer ids alone — the Prize's probe set, ratings hidden. */
  | { kind: 'netflix-probe' }
  /** qualifying.txt: `MovieID:` then `CustomerID,Date` — the hidden test set. */
  | { kind: 'netflix-qualifying' }
  | { kind: 'netflix-titles' }
  | { kind: 'movielens-movies' }
  | { kind: 'delimited'; firstText: string }
  | { kind: 'unknown'; reason: string };

/** How many leading bytes the router waits for before deciding. */
export const SNIFF_BYTES = 64 * 1024;

const SAMPLE_LINES = 40;

export function sniffFormat(head: Uint8Array): DetectedFormat {
  if (head.length === 0) return { kind: 'empty' };
  if (head[0] === 0x1f && head[1] === 0x8b) return { kind: 'gzip' };
  if (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 3 || head[2] === 5) &&
    (head[3] === 4 || head[3] === 6)
  ) {
    return { kind: 'zip' };
  }
  if (looksBinary(head)) return { kind: 'binary' };

  const text = new TextDecoder('windows-1252').decode(head);
  const lines = completeLines(text, head.length < SNIFF_BYTES);
  const content = lines.filter((line) => line.trim() !== '');
  if (content.length === 0) return { kind: 'empty' };

  if (/^\d+:\s*$/.test(content[0])) return sniffNetflixBlocks(content.slice(1));
  if (share(content, isNetflixTitleLine) >= 0.6) return { kind: 'netflix-titles' };
  if (/^"?movieId"?,"?title"?,"?genres"?\s*$/i.test(content[0]))
    return { kind: 'movielens-movies' };
  if (content.length >= 1 && /[,;\t|]|::/.test(content[0]))
    return { kind: 'delimited', firstText: lines.join('\n') };
  return { kind: 'unknown', reason: 'it has no delimited columns and no `MovieID:` blocks' };
}

/** `MovieID,YearOfRelease,Title`, where the title is more than the numbers a headerless ratings row has. */
function isNetflixTitleLine(line: string): boolean {
  return /^\d+,(\d{4}|NULL),(?!\s*[\d.]+\s*(,\s*[\d.]+\s*)?$)./.test(line);
}

function sniffNetflixBlocks(rows: string[]): DetectedFormat {
  const dataRows = rows.filter((line) => !/^\d+:\s*$/.test(line));
  if (dataRows.length === 0) return { kind: 'netflix-ratings' };
  if (share(dataRows, (line) => /^\d+\s*$/.test(line)) >= 0.8) return { kind: 'netflix-probe' };
  if (share(dataRows, (line) => /^\d+,\d{4}-\d\d-\d\d\s*$/.test(line)) >= 0.8) {
    return { kind: 'netflix-qualifying' };
  }
  return { kind: 'netflix-ratings' };
}

/** The first lines of `text`; the last one only when the text is the whole file (else it may be cut). */
function completeLines(text: string, isWholeFile: boolean): string[] {
  const lines = text.split('\n', SAMPLE_LINES + 1).map((line) => line.replace(/\r$/, ''));
  if (!isWholeFile && lines.length > 1 && lines.length <= SAMPLE_LINES) lines.pop();
  return lines.slice(0, SAMPLE_LINES);
}

function share(lines: string[], test: (line: string) => boolean): number {
  return lines.filter(test).length / lines.length;
}

/** NUL bytes, or many control characters, in the first 4 KiB mean this is not a text file. */
function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i];
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > n * 0.05;
}
