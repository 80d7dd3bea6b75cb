import EscalationIcon from '@mui/icons-material/NotificationImportant';
import { lazyPage } from '../common/lazyPage';

const EscalationList = lazyPage(() => import('./EscalationList'), 'EscalationList');

export default {
  list: EscalationList,
  icon: EscalationIcon,
};
