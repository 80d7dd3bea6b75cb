import HospitalIcon from '@mui/icons-material/LocalHospital';
import { lazyPage } from '../common/lazyPage';

const HospitalCreate = lazyPage(() => import('./HospitalCreate'), 'HospitalCreate');
const HospitalEdit = lazyPage(() => import('./HospitalEdit'), 'HospitalEdit');
const HospitalList = lazyPage(() => import('./HospitalList'), 'HospitalList');

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
