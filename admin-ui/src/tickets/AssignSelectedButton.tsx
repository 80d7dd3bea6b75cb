import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { Form, required, SaveButton, TextInput, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { UserSelectInput } from '../common/UserSelectInput';
import { useDeskDataProvider } from '../common/useDeskDataProvider';

interface Failure {
  id: string;
  message: string;
}

/**
 * 批量指派: each selected request reassigned to one engineer, one request at a time through the
 * same action as its own page (one workflow Update each); the ones refused are listed with why.
 */
export const AssignSelectedButton = () => {
  const translate = useTranslate();
  const { selectedIds, onUnselectItems } = useListContext();
  const dataProvider = useDeskDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [failures, setFailures] = useState<Failure[]>([]);

  const submit = async (values: Record<string, unknown>) => {
    const failed: Failure[] = [];
    for (const id of selectedIds as string[]) {
      try {
        await dataProvider.ticketAction(id, 'reassign', { assigneeId: values.assigneeId, reason: values.reason });
      } catch (error) {
        const body = (error as { body?: { message?: string; errors?: Record<string, string> } }).body;
        failed.push({ id, message: [body?.message, ...Object.values(body?.errors ?? {})].filter(Boolean).join('：') || String((error as Error).message) });
      }
    }
    const done = selectedIds.length - failed.length;
    notify('desk.queue.assigned', { type: failed.length ? 'warning' : 'success', messageArgs: { done, failed: failed.length } });
    setFailures(failed);
    refresh();
    if (!failed.length) {
      setOpen(false);
      onUnselectItems();
    }
  };

  return (
    <>
      <Button size="small" startIcon={<AssignmentIndIcon />} onClick={() => (setFailures([]), setOpen(true))}>
        {translate('desk.queue.assign')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('desk.queue.assignTitle', { smart_count: selectedIds.length })}</DialogTitle>
        <Form onSubmit={submit}>
          <DialogContent>
            <UserSelectInput source="assigneeId" label="desk.actions.newAssignee" roles={['engineer', 'dispatcher']} validate={required()} />
            <TextInput source="reason" label="desk.fields.reason" multiline minRows={2} validate={required()} fullWidth />
            {failures.length > 0 && (
              <Alert severity="warning" role="status">
                {translate('desk.queue.refused')}
                <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                  {failures.map((f) => (
                    <li key={f.id}>
                      {f.id}：{f.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label="desk.queue.assign" icon={<AssignmentIndIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
