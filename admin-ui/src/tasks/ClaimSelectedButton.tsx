import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useDeskDataProvider } from '../common/useDeskDataProvider';

/**
 * 批量领取: each selected task claimed in turn, one workflow Update each, as its own 领取 button
 * would; the refused ones (already taken, another role's) are named in the message.
 */
export const ClaimSelectedButton = () => {
  const translate = useTranslate();
  const { selectedIds, onUnselectItems } = useListContext();
  const dataProvider = useDeskDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const claim = async () => {
    setPending(true);
    const refused: string[] = [];
    for (const id of selectedIds as string[]) {
      try {
        await dataProvider.claimTask(id);
      } catch (error) {
        refused.push(`${id}：${(error as { body?: { message?: string } }).body?.message ?? (error as Error).message}`);
      }
    }
    setPending(false);
    notify(translate('desk.queue.claimed', { done: selectedIds.length - refused.length, failed: refused.length }) + (refused.length ? `\n${refused.join('\n')}` : ''), {
      type: refused.length ? 'warning' : 'success',
      autoHideDuration: refused.length ? 15_000 : 4000,
      multiLine: refused.length > 0,
    });
    onUnselectItems();
    refresh();
  };
  return (
    <Button size="small" startIcon={<AssignmentIndIcon />} onClick={claim} disabled={pending}>
      {translate('desk.queue.claim')}
    </Button>
  );
};
