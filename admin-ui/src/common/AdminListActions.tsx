import { CreateButton, TopToolbar, usePermissions } from 'react-admin';
import { isRole } from '../roles';
import { ExportMenuButton } from './ExportMenuButton';

/** The toolbar of a list an admin keeps (hospitals, departments, response commitments): 新建 for the admin, 导出 for all who read it. */
export const AdminListActions = () => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {isRole(permissions, 'admin') && <CreateButton />}
      <ExportMenuButton />
    </TopToolbar>
  );
};
