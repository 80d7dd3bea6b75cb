import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyPage } from '../common/lazyPage';

const InspectionList = lazyPage(() => import('./InspectionList'), 'InspectionList');
const InspectionShow = lazyPage(() => import('./InspectionShow'), 'InspectionShow');

/** 巡检记录: one row per plan and month; 巡检详情 carries it through its steps to the signed report. */
export default {
  list: InspectionList,
  show: InspectionShow,
  icon: FactCheckIcon,
  recordRepresentation: 'period',
};
