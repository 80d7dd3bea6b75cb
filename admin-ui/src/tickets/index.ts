import TicketIcon from '@mui/icons-material/ConfirmationNumber';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../common/lazyPage';

const TicketCreate = lazyPage(() => import('./TicketCreate'), 'TicketCreate');
const TicketList = lazyPage(() => import('./TicketList'), 'TicketList');
const TicketShow = lazyPage(() => import('./TicketShow'), 'TicketShow');

export default {
  list: TicketList,
  show: TicketShow,
  create: TicketCreate,
  icon: TicketIcon,
  recordRepresentation: (record: RaRecord) => `${record.id} ${record.title ?? ''}`.trim(),
};
