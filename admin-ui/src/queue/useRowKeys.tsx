import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useEffect, useRef, useState } from 'react';
import { useListContext, useTranslate, type RaRecord } from 'react-admin';

const KEYS = [
  ['j', 'desk.queue.keys.next'],
  ['k', 'desk.queue.keys.previous'],
  ['Enter', 'desk.queue.keys.open'],
  ['?', 'desk.queue.keys.help'],
] as const;

/** Typing in a field (search, filters, dialogs) must never move the queue. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('[role="dialog"], [role="listbox"], [role="menu"]');
}

/**
 * j/k move a highlighted row, Enter opens it, ? lists the keys. Used inside a List: the rows are
 * the page's. Returns the row style marking the highlighted row and the help dialog to render.
 */
export function useRowKeys<R extends RaRecord>(open: (record: R) => void) {
  const { data } = useListContext<R>();
  const translate = useTranslate();
  const [index, setIndex] = useState(-1);
  const current = useRef(-1);
  const [help, setHelp] = useState(false);
  const rows = data ?? [];

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === '?') {
        setHelp(true);
      } else if (e.key === 'j' || e.key === 'k') {
        if (!rows.length) return;
        // From the ref, not the render's index: keys typed faster than React renders each move one row.
        const next = Math.min(rows.length - 1, Math.max(0, current.current + (e.key === 'j' ? 1 : -1)));
        current.current = next;
        setIndex(next);
        document.querySelectorAll('.RaDatagrid-tbody > tr')[next]?.scrollIntoView({ block: 'nearest' });
      } else if (e.key === 'Enter' && rows[current.current] && !(e.target instanceof HTMLElement && e.target.closest('button, a, [role="button"], [role="checkbox"]'))) {
        // (Enter on a focused button or link is that control's, not the row's.)
        open(rows[current.current]);
      } else {
        return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, open]);

  const highlighted = (_record: R, i: number) =>
    i === index ? { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: '-2px', bgcolor: 'action.selected' } : {};

  const dialog = (
    <Dialog open={help} onClose={() => setHelp(false)} aria-labelledby="queue-keys-title">
      <DialogTitle id="queue-keys-title">{translate('desk.queue.keys.title')}</DialogTitle>
      <DialogContent>
        <Table size="small">
          <TableBody>
            {KEYS.map(([key, label]) => (
              <TableRow key={key}>
                <TableCell>
                  <kbd>{key}</kbd>
                </TableCell>
                <TableCell>{translate(label)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  );
  return { index, highlighted, dialog };
}
