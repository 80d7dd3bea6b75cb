import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState, type ReactNode } from 'react';
import { Form, SaveButton, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useServerErrorHandler } from './errors';

/** The dialog's form starts empty, not from the record shown around it. */
const NO_RECORD = {};

export interface ActionDialogProps {
  /** Label key of the button and the dialog. */
  label: string;
  icon: ReactNode;
  /** Message key once done. */
  done: string;
  color?: 'primary' | 'error' | 'warning';
  /** What the endpoint takes; nothing else is sent. */
  fields: string[];
  defaultValues?: Record<string, unknown>;
  /** Sends the chosen fields (the record's action endpoint). */
  send: (body: Record<string, unknown>) => Promise<unknown>;
  children?: ReactNode;
}

/** A small button and a dialog asking what an action needs; the API's field errors show on the fields. */
export const ActionDialog = ({ label, icon, done, color = 'primary', fields, defaultValues, send, children }: ActionDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const handleError = useServerErrorHandler();
  const [open, setOpen] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    try {
      await send(Object.fromEntries(fields.map((f) => [f, values[f]])));
      notify(done, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      return handleError(error);
    }
  };
  const title = translate(label);
  return (
    <>
      <Button size="small" color={color} startIcon={icon} onClick={() => setOpen(true)}>
        {title}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-label={title}>
        <Form record={NO_RECORD} onSubmit={submit} defaultValues={defaultValues}>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label="desk.actions.submit" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
