import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton, TitlePortal } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';

const DeskAppBar = () => (
  <AppBar
    toolbar={
      <>
        <NotificationBell />
        <LocalesMenuButton />
        <LoadingIndicator />
      </>
    }
  >
    <TitlePortal />
  </AppBar>
);

export const DeskLayout = ({ children }: { children: ReactNode }) => (
  // The app bar (bell, language, user) stays put: no hide-on-scroll on long forms.
  <Layout appBar={DeskAppBar} appBarAlwaysOn>
    {children}
  </Layout>
);
