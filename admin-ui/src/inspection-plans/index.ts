import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { lazyPage } from '../common/lazyPage';

const PlanCreate = lazyPage(() => import('./PlanCreate'), 'PlanCreate');
const PlanEdit = lazyPage(() => import('./PlanEdit'), 'PlanEdit');
const PlanList = lazyPage(() => import('./PlanList'), 'PlanList');
const PlanShow = lazyPage(() => import('./PlanShow'), 'PlanShow');

/** 巡检计划: admins and managers plan. */
export default {
  list: PlanList,
  show: PlanShow,
  create: PlanCreate,
  edit: PlanEdit,
  icon: EventRepeatIcon,
  recordRepresentation: 'id',
};

/** Dispatchers see the plans, to know what is coming. */
export const inspectionPlansReadOnly = {
  list: PlanList,
  show: PlanShow,
  icon: EventRepeatIcon,
  recordRepresentation: 'id',
};
