import TaskIcon from '@mui/icons-material/AssignmentTurnedIn';
import type { RaRecord } from 'react-admin';
import { TaskComplete } from './TaskComplete';
import { TaskList } from './TaskList';

export { TaskComplete };

export default {
  list: TaskList,
  icon: TaskIcon,
  recordRepresentation: (record: RaRecord) => `${record.ticketId ?? ''} ${record.kind ?? ''}`.trim(),
};
