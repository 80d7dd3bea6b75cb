import TimerIcon from '@mui/icons-material/Timer';
import { SlaPolicyCreate } from './SlaPolicyCreate';
import { SlaPolicyEdit } from './SlaPolicyEdit';
import { SlaPolicyList } from './SlaPolicyList';

export default {
  list: SlaPolicyList,
  create: SlaPolicyCreate,
  edit: SlaPolicyEdit,
  icon: TimerIcon,
  recordRepresentation: 'name',
};

/** Managers see the terms in force; only admins change them. */
export const slaPoliciesReadOnly = {
  list: SlaPolicyList,
  icon: TimerIcon,
  recordRepresentation: 'name',
};
