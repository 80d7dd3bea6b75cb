import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton, Logout, TitlePortal, UserMenu, useGetIdentity } from 'react-admin';
import { ChangePasswordMenuItem } from '../account/ChangePasswordMenuItem';
import { ChangePasswordPage } from '../account/ChangePasswordPage';
import { LanguageMenuItem, ProfileMenuItem } from '../account/UserMenuItems';
import type { DeskIdentity } from '../authProvider';
import { NotificationBell } from '../notifications/NotificationBell';

const useMustChangePassword = () => (useGetIdentity().identity as DeskIdentity | undefined)?.mustChangePassword === true;

const DeskUserMenu = () => (
  <UserMenu>
    <ProfileMenuItem />
    <ChangePasswordMenuItem />
    <LanguageMenuItem />
    <Logout />
  </UserMenu>
);

const DeskAppBar = () => {
  const mustChange = useMustChangePassword();
  return (
    <AppBar
      userMenu={<DeskUserMenu />}
      toolbar={
        <>
          {!mustChange && <NotificationBell />}
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    >
      <TitlePortal />
    </AppBar>
  );
};

export const DeskLayout = ({ children }: { children: ReactNode }) => {
  // Signed in with a one-time password: every page is the change-password page until it is done
  // (the API refuses everything else with auth.password_change_required anyway).
  const mustChange = useMustChangePassword();
  return (
    // The app bar (bell, language, user) stays put: no hide-on-scroll on long forms.
    <Layout appBar={DeskAppBar} appBarAlwaysOn>
      {mustChange ? <ChangePasswordPage forced /> : children}
    </Layout>
  );
};
