import PersonIcon from '@mui/icons-material/Person';
import TranslateIcon from '@mui/icons-material/Translate';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import { forwardRef } from 'react';
import { useLocales, useLocaleState, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { PROFILE_PATH } from './ProfilePage';

/** 个人资料 in the user menu. */
export const ProfileMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const menu = useUserMenu();
  return (
    <MenuItem ref={ref} {...props} component={Link} to={PROFILE_PATH} onClick={menu?.onClose}>
      <ListItemIcon>
        <PersonIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('desk.account.profile')}</ListItemText>
    </MenuItem>
  );
});
ProfileMenuItem.displayName = 'ProfileMenuItem';

/** The other language, one tap away in the user menu (the app bar's language button does the same). */
export const LanguageMenuItem = forwardRef<HTMLLIElement>((props, ref) => {
  const [locale, setLocale] = useLocaleState();
  const locales = useLocales();
  const menu = useUserMenu();
  const other = locales.find((l) => l.locale !== locale);
  if (!other) return null;
  return (
    <MenuItem
      ref={ref}
      {...props}
      onClick={() => {
        setLocale(other.locale);
        menu?.onClose();
      }}
    >
      <ListItemIcon>
        <TranslateIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{other.name}</ListItemText>
    </MenuItem>
  );
});
LanguageMenuItem.displayName = 'LanguageMenuItem';
