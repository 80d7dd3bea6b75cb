import PersonIcon from '@mui/icons-material/Person';
import TranslateIcon from '@mui/icons-material/Translate';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import { forwardRef, type ReactNode } from 'react';
import { useLocales, useLocaleState, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { PROFILE_PATH } from './ProfilePage';

/** A page of one's own, linked from the user menu: the menu closes as the page opens. */
export function linkMenuItem(name: string, to: string, icon: ReactNode, label: string) {
  const Item = forwardRef<HTMLAnchorElement>((props, ref) => {
    const translate = useTranslate();
    const menu = useUserMenu();
    return (
      <MenuItem ref={ref} {...props} component={Link} to={to} onClick={menu?.onClose}>
        <ListItemIcon>{icon}</ListItemIcon>
        <ListItemText>{translate(label)}</ListItemText>
      </MenuItem>
    );
  });
  Item.displayName = name;
  return Item;
}

/** 个人资料 in the user menu. */
export const ProfileMenuItem = linkMenuItem('ProfileMenuItem', PROFILE_PATH, <PersonIcon fontSize="small" />, 'desk.account.profile');

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
