import BlockIcon from '@mui/icons-material/Block';
import PauseIcon from '@mui/icons-material/PauseCircle';
import PlayIcon from '@mui/icons-material/PlayCircle';
import RestartIcon from '@mui/icons-material/RestartAlt';
import Typography from '@mui/material/Typography';
import SwapIcon from '@mui/icons-material/SwapHoriz';
import TuneIcon from '@mui/icons-material/Tune';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState, type ReactNode } from 'react';
import {
  Form,
  maxLength,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  TopToolbar,
  useGetIdentity,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { DeskIdentity } from '../authProvider';
import { faultLevelChoices, type Role } from '../choices';
import { useServerErrorHandler } from '../common/errors';
import { UserSelectInput } from '../common/UserSelectInput';
import { LIMITS } from '../../../domain/limits';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import type { TicketAction } from '../dataProvider';
import { isRole, mayCancel, mayChangeLevel, mayReassign } from '../roles';
import { RepairFormPdfButton } from './RepairFormPdfButton';
import type { TicketDetail } from './types';

const validateReason = [required(), maxLength(LIMITS.reason)];
/** The dialog's form starts empty, not from the ticket shown around it. */
const NO_RECORD = {};

interface ActionDialogProps {
  /** Label key of the button and the dialog. */
  label: string;
  icon: ReactNode;
  action: TicketAction;
  /** Message key once done. */
  done: string;
  color?: 'primary' | 'error' | 'warning';
  /** What the endpoint takes; nothing else is sent. */
  fields: string[];
  defaultValues?: Record<string, unknown>;
  children?: ReactNode;
}

/** One escape hatch: a button, a small dialog asking for the reason (and whatever else), the POST. */
const ActionDialog = ({ label, icon, action, done, color = 'primary', fields, defaultValues, children }: ActionDialogProps) => {
  const translate = useTranslate();
  const record = useRecordContext<TicketDetail>();
  const dataProvider = useDeskDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const handleError = useServerErrorHandler();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.ticketAction(record.id, action, Object.fromEntries(fields.map((f) => [f, values[f]])));
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

const ReasonInput = () => <TextInput source="reason" label="desk.fields.reason" multiline minRows={2} validate={validateReason} fullWidth />;

/** Who can take over the current step (the same rule the API applies to reassignments). */
const reassignRoles = (step: TicketDetail['step']): Role[] =>
  step === 'triage' || step === 'dispatch' ? ['dispatcher'] : step === 'remote' ? ['engineer', 'dispatcher'] : ['engineer'];

/** The escape hatches on an open request, each shown only to the roles the workflow accepts it from. */
export const TicketActions = () => {
  const translate = useTranslate();
  const record = useRecordContext<TicketDetail>();
  const { permissions } = usePermissions();
  const { identity } = useGetIdentity();
  const me = identity as DeskIdentity | undefined;
  // A lost workflow: the one thing to do is restart it (managers); the steps would only be refused.
  if (record?.workflowState) {
    return (
      <TopToolbar>
        {isRole(permissions, 'manager', 'admin') && (
          <ActionDialog label="desk.actions.restart" icon={<RestartIcon />} action="restart" done="desk.actions.restarted" color="warning" fields={[]}>
            <Typography variant="body2">{translate('desk.actions.restartExplain')}</Typography>
          </ActionDialog>
        )}
      </TopToolbar>
    );
  }
  if (!record || record.status !== 'open') {
    return <TopToolbar>{record?.status === 'archived' && record.detail?.signature && <RepairFormPdfButton ticketId={record.id} />}</TopToolbar>;
  }
  const paused = record.detail?.sla.paused ?? !!record.pausedSince;
  const holdsClock = isRole(permissions, 'dispatcher', 'manager') || (isRole(permissions, 'engineer') && me?.id === record.assigneeId);
  const hasMainTask = (record.tasks ?? []).some((t) => t.status === 'open' && t.kind !== 'escalation' && t.kind !== 'signature');
  const contactMayCancel = isRole(permissions, 'hospital_contact') ? record.step === 'triage' : true;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      {holdsClock &&
        (paused ? (
          <ActionDialog label="desk.actions.resume" icon={<PlayIcon />} action="resume" done="desk.actions.resumed" fields={[]} />
        ) : (
          <ActionDialog label="desk.actions.pause" icon={<PauseIcon />} action="pause" done="desk.actions.paused" fields={['reason']}>
            <ReasonInput />
          </ActionDialog>
        ))}
      {mayChangeLevel(permissions) && (
        <ActionDialog
          label="desk.actions.changeLevel"
          icon={<TuneIcon />}
          action="level"
          done="desk.actions.levelChanged"
          fields={['faultLevel', 'reason']}
          defaultValues={{ faultLevel: record.faultLevel ?? undefined }}
        >
          <SelectInput source="faultLevel" label="desk.actions.newLevel" choices={faultLevelChoices} validate={required()} fullWidth />
          <ReasonInput />
        </ActionDialog>
      )}
      {mayReassign(permissions) && hasMainTask && (
        <ActionDialog label="desk.actions.reassign" icon={<SwapIcon />} action="reassign" done="desk.actions.reassigned" fields={['assigneeId', 'reason']}>
          <UserSelectInput source="assigneeId" label="desk.actions.newAssignee" roles={reassignRoles(record.step)} validate={required()} />
          <ReasonInput />
        </ActionDialog>
      )}
      {mayCancel(permissions) && contactMayCancel && (
        <ActionDialog label="desk.actions.cancel" icon={<BlockIcon />} action="cancel" done="desk.actions.cancelled" color="error" fields={['reason']}>
          <ReasonInput />
        </ActionDialog>
      )}
    </TopToolbar>
  );
};
