import EscalationIcon from '@mui/icons-material/NotificationImportant';
import { EscalationList } from './EscalationList';

export default {
  list: EscalationList,
  icon: EscalationIcon,
};
