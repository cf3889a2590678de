/**
 * Text from the data (titles, ids, file names) as plotly must be given it. plotly draws titles, hover text,
 * axis and tick labels as pseudo-HTML (`<b>`, `<br>`, `<a href>` …) and fills `%{…}` in templates, so a movie
 * called `<a href="javascript:…">` would become a link and `%{x}` a value. `&`, `<`, `>`, `{` and `}` become
 * character references, which plotly turns back into the characters when it draws: the text shows as written.
 * Use it on every string from the data that reaches plotly, and only there (React escapes on its own).
 */
export function escapePlotlyText(text: string): string {
  return text.replace(/[&<>{}]/g, (c) => REFERENCES[c]);
}

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '{': '&#123;',
  '}': '&#125;',
};
