import BlockIcon from '@mui/icons-material/Block';
import PauseIcon from '@mui/icons-material/PauseCircle';
import PlayIcon from '@mui/icons-material/PlayCircle';
import RestartIcon from '@mui/icons-material/RestartAlt';
import Typography from '@mui/material/Typography';
import SwapIcon from '@mui/icons-material/SwapHoriz';
import TuneIcon from '@mui/icons-material/Tune';
import {
  maxLength,
  required,
  SelectInput,
  TextInput,
  TopToolbar,
  useGetIdentity,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { DeskIdentity } from '../authProvider';
import { faultLevelChoices, type Role } from '../choices';
import { ActionDialog, type ActionDialogProps } from '../common/ActionDialog';
import { UserSelectInput } from '../common/UserSelectInput';
import { LIMITS } from '../../../domain/limits';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import type { TicketAction } from '../dataProvider';
import { isRole, mayCancel, mayChangeLevel, mayReassign } from '../roles';
import { RepairFormPdfButton } from './RepairFormPdfButton';
import type { TicketDetail } from './types';

const validateReason = [required(), maxLength(LIMITS.reason)];

type TicketActionDialogProps = Omit<ActionDialogProps, 'send'> & { action: TicketAction };

/** One escape hatch: a button, a small dialog asking for the reason (and whatever else), the POST. */
const TicketActionDialog = ({ action, ...props }: TicketActionDialogProps) => {
  const record = useRecordContext<TicketDetail>();
  const dataProvider = useDeskDataProvider();
  if (!record) return null;
  return <ActionDialog {...props} send={(body) => dataProvider.ticketAction(record.id, action, body)} />;
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
          <TicketActionDialog label="desk.actions.restart" icon={<RestartIcon />} action="restart" done="desk.actions.restarted" color="warning" fields={[]}>
            <Typography variant="body2">{translate('desk.actions.restartExplain')}</Typography>
          </TicketActionDialog>
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
          <TicketActionDialog label="desk.actions.resume" icon={<PlayIcon />} action="resume" done="desk.actions.resumed" fields={[]} />
        ) : (
          <TicketActionDialog label="desk.actions.pause" icon={<PauseIcon />} action="pause" done="desk.actions.paused" fields={['reason']}>
            <ReasonInput />
          </TicketActionDialog>
        ))}
      {mayChangeLevel(permissions) && (
        <TicketActionDialog
          label="desk.actions.changeLevel"
          icon={<TuneIcon />}
          action="level"
          done="desk.actions.levelChanged"
          fields={['faultLevel', 'reason']}
          defaultValues={{ faultLevel: record.faultLevel ?? undefined }}
        >
          <SelectInput source="faultLevel" label="desk.actions.newLevel" choices={faultLevelChoices} validate={required()} fullWidth />
          <ReasonInput />
        </TicketActionDialog>
      )}
      {mayReassign(permissions) && hasMainTask && (
        <TicketActionDialog label="desk.actions.reassign" icon={<SwapIcon />} action="reassign" done="desk.actions.reassigned" fields={['assigneeId', 'reason']}>
          <UserSelectInput source="assigneeId" label="desk.actions.newAssignee" roles={reassignRoles(record.step)} validate={required()} />
          <ReasonInput />
        </TicketActionDialog>
      )}
      {mayCancel(permissions) && contactMayCancel && (
        <TicketActionDialog label="desk.actions.cancel" icon={<BlockIcon />} action="cancel" done="desk.actions.cancelled" color="error" fields={['reason']}>
          <ReasonInput />
        </TicketActionDialog>
      )}
    </TopToolbar>
  );
};
