import PlaceIcon from '@mui/icons-material/Place';
import { maxLength, SaveButton, TextInput } from 'react-admin';
import type { TicketDetail } from '../tickets/types';
import { SiteAddress } from './SiteAddress';
import { StepForm } from './StepForm';
import type { Task } from './types';
import { orNull, useCompleteTask } from './useCompleteTask';
import { LIMITS } from '../../../domain/limits';

/** 到场签到: the engineer is on site (the address says where); the repair form (系统维修单) comes next. */
export const CheckInForm = ({ task, ticket }: { task: Task; ticket: TicketDetail }) => {
  const complete = useCompleteTask(task);
  return (
    <>
      <SiteAddress ticket={ticket} />
      <StepForm
        onSubmit={(v) => complete({ note: orNull(v.note) }, 'desk.checkin.done')}
        toolbar={<SaveButton label="desk.checkin.confirm" icon={<PlaceIcon />} alwaysEnable />}
      >
        <TextInput source="note" label="desk.fields.note" multiline minRows={2} validate={maxLength(LIMITS.short)} fullWidth />
      </StepForm>
    </>
  );
};
