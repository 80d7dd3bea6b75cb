import TimerIcon from '@mui/icons-material/Timer';
import { lazyPage } from '../common/lazyPage';

const SlaPolicyCreate = lazyPage(() => import('./SlaPolicyCreate'), 'SlaPolicyCreate');
const SlaPolicyEdit = lazyPage(() => import('./SlaPolicyEdit'), 'SlaPolicyEdit');
const SlaPolicyList = lazyPage(() => import('./SlaPolicyList'), 'SlaPolicyList');

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
