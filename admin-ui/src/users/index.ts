import UserIcon from '@mui/icons-material/People';
import type { RaRecord } from 'react-admin';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';

export default {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: UserIcon,
  recordRepresentation: (record: RaRecord) => `${record.displayName ?? ''} (${record.username ?? ''})`,
};
