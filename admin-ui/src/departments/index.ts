import DepartmentIcon from '@mui/icons-material/MeetingRoom';
import { DepartmentCreate } from './DepartmentCreate';
import { DepartmentEdit } from './DepartmentEdit';
import { DepartmentList } from './DepartmentList';

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
