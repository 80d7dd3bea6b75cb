import KeyIcon from '@mui/icons-material/Key';
import { CHANGE_PASSWORD_PATH } from '../authProvider';
import { linkMenuItem } from './UserMenuItems';

/** 修改密码 in the user menu (top right). */
export const ChangePasswordMenuItem = linkMenuItem('ChangePasswordMenuItem', CHANGE_PASSWORD_PATH, <KeyIcon fontSize="small" />, 'desk.account.changePassword');
