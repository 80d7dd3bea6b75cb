import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { ChangePasswordPage } from './account/ChangePasswordPage';
import { PROFILE_PATH, ProfilePage } from './account/ProfilePage';
import archiveRecords from './archive-records';
import { AppTitle } from './AppTitle';
import { authProvider, CHANGE_PASSWORD_PATH } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import departments, { departmentsReadOnly } from './departments';
import escalations from './escalations';
import hospitals, { hospitalsReadOnly } from './hospitals';
import { BOARD_PATH } from './inspection-board/boardPath';
import inspectionPlans, { inspectionPlansReadOnly } from './inspection-plans';
import inspectionTemplates, { inspectionTemplatesReadOnly } from './inspection-templates';
import inspections from './inspections';
import { lazyPage } from './common/lazyPage';
import { i18nProvider } from './i18n/i18nProvider';
import { DeskLayout } from './layout/DeskLayout';
import { queryClient } from './queryClient';
import type { Role } from './choices';
import slaPolicies, { slaPoliciesReadOnly } from './sla-policies';
import tasks, { TaskComplete } from './tasks';
import tickets from './tickets';
import users from './users';
import { VERIFY_PATH, VerifyPage } from './verify/VerifyPage';

const BoardPage = lazyPage(() => import('./inspection-board/BoardPage'), 'BoardPage');

/**
 * Menu and pages by role. Each role gets the resources it works with; the API enforces the same
 * limits, so a hidden page is a convenience, not the protection. References (users, hospitals)
 * are registered without a menu entry where a role only needs to look names up.
 */
const resourcesFor = (role: Role | undefined) => {
  const ticketsRes = <Resource key="tickets" name="tickets" {...tickets} />;
  const tasksRes = (
    <Resource key="tasks" name="tasks" {...tasks}>
      <Route path=":id/complete" element={<TaskComplete />} />
    </Resource>
  );
  switch (role) {
    case 'admin':
      return [
        ticketsRes,
        <Resource key="users" name="users" {...users} />,
        <Resource key="hospitals" name="hospitals" {...hospitals} />,
        <Resource key="departments" name="departments" {...departments} />,
        <Resource key="sla-policies" name="sla-policies" {...slaPolicies} />,
        <Resource key="inspection-plans" name="inspection-plans" {...inspectionPlans} />,
        <Resource key="inspections" name="inspections" {...inspections} />,
        <Resource key="inspection-templates" name="inspection-templates" {...inspectionTemplates} />,
        <Resource key="archive-records" name="archive-records" {...archiveRecords} />,
        <Resource key="tasks" name="tasks" />,
      ];
    case 'manager':
      return [
        ticketsRes,
        tasksRes,
        <Resource key="escalations" name="escalations" {...escalations} />,
        <Resource key="inspection-plans" name="inspection-plans" {...inspectionPlans} />,
        <Resource key="inspections" name="inspections" {...inspections} />,
        <Resource key="inspection-templates" name="inspection-templates" {...inspectionTemplatesReadOnly} />,
        <Resource key="archive-records" name="archive-records" {...archiveRecords} />,
        <Resource key="sla-policies" name="sla-policies" {...slaPoliciesReadOnly} />,
        <Resource key="hospitals" name="hospitals" {...hospitalsReadOnly} />,
        <Resource key="users" name="users" recordRepresentation="displayName" />,
        <Resource key="departments" name="departments" />,
      ];
    case 'dispatcher':
      return [
        ticketsRes,
        tasksRes,
        <Resource key="inspection-plans" name="inspection-plans" {...inspectionPlansReadOnly} />,
        <Resource key="inspections" name="inspections" {...inspections} />,
        <Resource key="hospitals" name="hospitals" {...hospitalsReadOnly} />,
        <Resource key="departments" name="departments" {...departmentsReadOnly} />,
        <Resource key="users" name="users" recordRepresentation="displayName" />,
      ];
    case 'engineer':
      return [tasksRes, ticketsRes, <Resource key="inspections" name="inspections" {...inspections} />, <Resource key="hospitals" name="hospitals" />, <Resource key="departments" name="departments" />];
    case 'hospital_contact':
      return [ticketsRes, tasksRes, <Resource key="inspections" name="inspections" {...inspections} />, <Resource key="hospitals" name="hospitals" />, <Resource key="departments" name="departments" />];
    default:
      return [ticketsRes];
  }
};

export const App = () => (
  <Admin
    title={<AppTitle />}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={DeskLayout}
    queryClient={queryClient}
    dashboard={Dashboard}
    requireAuth
    // The desk runs on hospital intranets: no calls home to marmelab.
    disableTelemetry
  >
    {(permissions: Role | undefined) => [
      ...resourcesFor(permissions),
      // Every signed-in user changes their own password here (the user menu's 修改密码).
      <CustomRoutes key="account">
        <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
        {/* A printed repair form's verification code, typed in or followed from a link. */}
        <Route path={VERIFY_PATH} element={<VerifyPage />} />
        <Route path={`${VERIFY_PATH}/:code`} element={<VerifyPage />} />
        <Route path={PROFILE_PATH} element={<ProfilePage />} />
        {/* 巡检看板: every role; the API shows a hospital contact their own hospital's row. */}
        <Route path={BOARD_PATH} element={<BoardPage />} />
      </CustomRoutes>,
    ]}
  </Admin>
);
