import { useEffect } from 'react';
import { cellOrder, type CellId } from './state/notebook';
import { runCell } from './state/runner';

/** The shortcuts, for the help list. */
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'Ctrl+Enter', what: 'run the cell you are in' },
  { keys: 'Shift+Enter', what: 'run the cell you are in and move to the next' },
  { keys: 'Alt+↓ / Alt+↑', what: 'move to the next / previous cell' },
  { keys: 'j / k', what: 'the same, when a cell (not a field) has focus' },
  { keys: 'Esc', what: 'leave a field for its cell' },
];

function cellElements(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('section[data-cell]'));
}

function cellIdOf(element: HTMLElement): CellId | null {
  const id = element.dataset.cell;
  return (cellOrder() as string[]).includes(id ?? '') ? (id as CellId) : null;
}

function focusCell(element: HTMLElement | undefined): void {
  if (!element) return;
  element.focus();
  element.scrollIntoView({ block: 'nearest' });
}

/** Moves focus `step` cells from the one holding focus (or to the first cell when none does). */
function moveFocus(current: HTMLElement | null, step: 1 | -1): void {
  const cells = cellElements();
  const index = current ? cells.indexOf(current) : -1;
  focusCell(cells[index < 0 ? 0 : Math.min(cells.length - 1, Math.max(0, index + step))]);
}

function isField(element: Element | null): boolean {
  return !!element && /^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName);
}

/** Notebook shortcuts on the whole page: run a cell, move between cells. */
export function useNotebookKeyboard(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const active = document.activeElement;
      const cell = active?.closest<HTMLElement>('section[data-cell]') ?? null;
      if (event.key === 'Enter' && (event.shiftKey || event.ctrlKey || event.metaKey)) {
        const id = cell && cellIdOf(cell);
        if (!id) return;
        event.preventDefault();
        void runCell(id);
        if (event.shiftKey) moveFocus(cell, 1);
        return;
      }
      if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        moveFocus(cell, event.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      if (event.key === 'Escape' && cell && isField(active)) {
        focusCell(cell);
        return;
      }
      if (cell && active === cell && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (event.key === 'j' || event.key === 'ArrowDown') moveFocus(cell, 1);
        else if (event.key === 'k' || event.key === 'ArrowUp') moveFocus(cell, -1);
        else return;
        event.preventDefault();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
