import HospitalIcon from '@mui/icons-material/LocalHospital';
import { HospitalList } from './HospitalList';

export default {
  list: HospitalList,
  icon: HospitalIcon,
  recordRepresentation: 'name',
};
