import TicketIcon from '@mui/icons-material/ConfirmationNumber';
import type { RaRecord } from 'react-admin';
import { TicketCreate } from './TicketCreate';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';

export default {
  list: TicketList,
  show: TicketShow,
  create: TicketCreate,
  icon: TicketIcon,
  recordRepresentation: (record: RaRecord) => `${record.id} ${record.title ?? ''}`.trim(),
};
