import DepartmentIcon from '@mui/icons-material/MeetingRoom';
import { lazyPage } from '../common/lazyPage';

const DepartmentCreate = lazyPage(() => import('./DepartmentCreate'), 'DepartmentCreate');
const DepartmentEdit = lazyPage(() => import('./DepartmentEdit'), 'DepartmentEdit');
const DepartmentList = lazyPage(() => import('./DepartmentList'), 'DepartmentList');

export default {
  list: DepartmentList,
  create: DepartmentCreate,
  edit: DepartmentEdit,
  icon: DepartmentIcon,
  recordRepresentation: 'name',
};

export const departmentsReadOnly = {
  list: DepartmentList,
  icon: DepartmentIcon,
  recordRepresentation: 'name',
};
