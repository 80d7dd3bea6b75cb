import DepartmentIcon from '@mui/icons-material/MeetingRoom';
import { DepartmentList } from './DepartmentList';

export default {
  list: DepartmentList,
  icon: DepartmentIcon,
  recordRepresentation: 'name',
};
