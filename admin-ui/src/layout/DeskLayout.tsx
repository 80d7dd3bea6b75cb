import BoardIcon from '@mui/icons-material/CalendarViewMonth';
import VerifiedIcon from '@mui/icons-material/Verified';
import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton, Logout, Menu, TitlePortal, UserMenu, useGetIdentity } from 'react-admin';
import { ChangePasswordMenuItem } from '../account/ChangePasswordMenuItem';
import { ChangePasswordPage } from '../account/ChangePasswordPage';
import { LanguageMenuItem, ProfileMenuItem } from '../account/UserMenuItems';
import type { DeskIdentity } from '../authProvider';
import { NotificationBell } from '../notifications/NotificationBell';
import { BOARD_PATH } from '../inspection-board/boardPath';
import { VERIFY_PATH } from '../verify/VerifyPage';

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

/** The resources of the role, the inspection board (every role), then 验证维修单 for anyone holding a printed form. */
const DeskMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.ResourceItems />
    <Menu.Item to={BOARD_PATH} primaryText="desk.board.menu" leftIcon={<BoardIcon />} />
    <Menu.Item to={VERIFY_PATH} primaryText="desk.verify.menu" leftIcon={<VerifiedIcon />} />
  </Menu>
);

export const DeskLayout = ({ children }: { children: ReactNode }) => {
  // Signed in with a one-time password: every page is the change-password page until it is done
  // (the API refuses everything else with auth.password_change_required anyway).
  const mustChange = useMustChangePassword();
  return (
    // The app bar (bell, language, user) stays put: no hide-on-scroll on long forms.
    <Layout appBar={DeskAppBar} menu={DeskMenu} appBarAlwaysOn>
      {mustChange ? <ChangePasswordPage forced /> : children}
    </Layout>
  );
};
