import TaskIcon from '@mui/icons-material/AssignmentTurnedIn';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const TaskComplete = lazyPage(() => import('./TaskComplete'), 'TaskComplete');
const TaskList = lazyPage(() => import('./TaskList'), 'TaskList');

export { TaskComplete };

export default {
  list: TaskList,
  icon: TaskIcon,
  recordRepresentation: (record: RaRecord) => `${record.ticketId ?? ''} ${record.kind ?? ''}`.trim(),
};
