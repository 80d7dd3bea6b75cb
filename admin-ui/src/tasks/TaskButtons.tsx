import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import EditNoteIcon from '@mui/icons-material/EditNote';
import Button from '@mui/material/Button';
import { useState, type MouseEvent } from 'react';
import { Link, useGetIdentity, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import type { DeskIdentity } from '../authProvider';
import { useServerErrorHandler } from '../common/errors';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import { mayClaim, mayWork } from './taskRules';
import type { Task } from './types';

export const taskWorkPath = (taskId: string) => `/tasks/${encodeURIComponent(taskId)}/complete`;

const stop = (event: MouseEvent) => event.stopPropagation();

/** Opens the step's form. Shown only to someone the workflow would let complete it. */
export const WorkButton = ({ task, ticketHospitalId }: { task: Task; ticketHospitalId?: number }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (!mayWork(task, identity as DeskIdentity | undefined, ticketHospitalId)) return null;
  return (
    <Button
      component={Link}
      to={taskWorkPath(task.id)}
      size="small"
      variant="contained"
      startIcon={<EditNoteIcon />}
      onClick={stop}
      sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
      aria-label={`${translate('desk.actions.work')} ${translate(`choices.taskKind.${task.kind}`)}`}
    >
      {translate('desk.actions.work')}
    </Button>
  );
};

/** Takes an unassigned task from the role's queue (POST /api/tasks/:id/claim); `onClaimed` gets the task as it now is. */
export const ClaimButton = ({ task, onClaimed }: { task: Task; onClaimed?: (task: Task) => void }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const dataProvider = useDeskDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const handleError = useServerErrorHandler();
  const [pending, setPending] = useState(false);
  if (!mayClaim(task, identity as DeskIdentity | undefined)) return null;
  const claim = async (event: MouseEvent) => {
    event.stopPropagation();
    setPending(true);
    try {
      onClaimed?.(await dataProvider.claimTask(task.id));
      notify('desk.actions.claimed', { type: 'success' });
    } catch (error) {
      handleError(error);
    } finally {
      setPending(false);
      await queryClient.invalidateQueries();
      refresh();
    }
  };
  return (
    <Button size="small" variant="outlined" startIcon={<AssignmentIndIcon />} onClick={claim} disabled={pending} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
      {translate('desk.actions.claim')}
    </Button>
  );
};
