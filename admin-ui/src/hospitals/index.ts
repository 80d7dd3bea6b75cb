import HospitalIcon from '@mui/icons-material/LocalHospital';
import { HospitalCreate } from './HospitalCreate';
import { HospitalEdit } from './HospitalEdit';
import { HospitalList } from './HospitalList';

export default {
  list: HospitalList,
  create: HospitalCreate,
  edit: HospitalEdit,
  icon: HospitalIcon,
  recordRepresentation: 'name',
};

/** Read-only for roles that only pick hospitals (no create/edit routes). */
export const hospitalsReadOnly = {
  list: HospitalList,
  icon: HospitalIcon,
  recordRepresentation: 'name',
};
