import ArchiveIcon from '@mui/icons-material/Inventory2';
import { ArchiveRecordList } from './ArchiveRecordList';
import { ArchiveRecordShow } from './ArchiveRecordShow';

export default {
  list: ArchiveRecordList,
  show: ArchiveRecordShow,
  icon: ArchiveIcon,
  recordRepresentation: 'ticketId',
};
