import KeyIcon from '@mui/icons-material/Key';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import { forwardRef } from 'react';
import { useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { CHANGE_PASSWORD_PATH } from '../authProvider';

/** 修改密码 in the user menu (top right). */
export const ChangePasswordMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const menu = useUserMenu();
  return (
    <MenuItem ref={ref} {...props} component={Link} to={CHANGE_PASSWORD_PATH} onClick={menu?.onClose}>
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('desk.account.changePassword')}</ListItemText>
    </MenuItem>
  );
});
ChangePasswordMenuItem.displayName = 'ChangePasswordMenuItem';
