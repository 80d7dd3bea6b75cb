import { Datagrid, FunctionField, List, TextField } from 'react-admin';
import { ChoiceText } from '../common/ChoiceText';
import { ResponsiveList } from '../common/ResponsiveList';
import { formatDateTime } from '../common/time';
import type { Template } from '../inspection-plans/types';

/** 报告模板: each at its latest version. */
export const TemplateList = () => (
  <List exporter={false} pagination={false} perPage={50}>
    <ResponsiveList<Template>
      link="show"
      primary={<TextField source="title" variant="inherit" />}
      secondary={(t) => (
        <>
          <ChoiceText group="template" value={t.code} />
          <span>v{t.version}</span>
          <span>{formatDateTime(t.createdAt)}</span>
        </>
      )}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& td, & th': { whiteSpace: 'normal' } }}>
        <TextField source="title" sortable={false} />
        <FunctionField source="code" sortable={false} render={(t: Template) => <ChoiceText group="template" value={t.code} />} />
        <FunctionField source="version" sortable={false} render={(t: Template) => `v${t.version}`} />
        <FunctionField source="createdAt" sortable={false} render={(t: Template) => formatDateTime(t.createdAt)} />
      </Datagrid>
    </ResponsiveList>
  </List>
);
