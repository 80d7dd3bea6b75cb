import { Admin, Resource } from 'react-admin';
import { AppTitle } from './AppTitle';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import departments from './departments';
import hospitals from './hospitals';
import { i18nProvider } from './i18n/i18nProvider';
import tickets from './tickets';

export const App = () => (
  <Admin
    title={<AppTitle />}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    requireAuth
    // The desk runs on hospital intranets: no calls home to marmelab.
    disableTelemetry
  >
    <Resource name="tickets" {...tickets} />
    <Resource name="hospitals" {...hospitals} />
    <Resource name="departments" {...departments} />
  </Admin>
);
