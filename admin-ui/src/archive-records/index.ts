import ArchiveIcon from '@mui/icons-material/Inventory2';
import { lazyPage } from '../common/lazyPage';

const ArchiveRecordList = lazyPage(() => import('./ArchiveRecordList'), 'ArchiveRecordList');
const ArchiveRecordShow = lazyPage(() => import('./ArchiveRecordShow'), 'ArchiveRecordShow');

export default {
  list: ArchiveRecordList,
  show: ArchiveRecordShow,
  icon: ArchiveIcon,
  recordRepresentation: 'ticketId',
};
