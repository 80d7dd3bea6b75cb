import { Datagrid, FunctionField, List, ReferenceField, SelectField, TextField, usePermissions, useTranslate } from 'react-admin';
import { AdminListActions } from '../common/AdminListActions';
import { isRole } from '../roles';
import { faultLevelChoices } from '../choices';
import { formatDuration } from '../common/time';
import { ResponsiveList } from '../common/ResponsiveList';

interface SlaPolicy {
  id: number;
  hospitalId: number | null;
  warnAt: number[];
  [key: string]: unknown;
}

/** "1 小时 30 分": the API's seconds as a person reads them. */
const DurationField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  return <FunctionField source={source} render={(r: SlaPolicy) => (r[source] === null || r[source] === undefined ? '—' : formatDuration(Number(r[source]) * 1000, translate))} />;
};

export const SlaPolicyList = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const admin = isRole(permissions, 'admin');
  const hospital = (r: SlaPolicy) =>
    r.hospitalId === null ? translate('resources.sla-policies.hints.defaultPolicy') : <ReferenceField source="hospitalId" reference="hospitals" link={false} />;
  const label = (source: string) => translate(`resources.sla-policies.fields.${source}`);
  return (
    <List
      sort={{ field: 'level', order: 'ASC' }}
      exporter={false}
      perPage={50}
      actions={<AdminListActions />}
    >
      <ResponsiveList<SlaPolicy>
        link={admin ? 'edit' : false}
        primary={<TextField source="name" variant="inherit" />}
        secondary={(r) => (
          <>
            <SelectField source="level" choices={faultLevelChoices} />
            <span>{hospital(r)}</span>
          </>
        )}
        tertiary={
          <>
            <span>
              {label('replySeconds')} <DurationField source="replySeconds" />
            </span>
            <span>
              {label('firstSolutionSeconds')} <DurationField source="firstSolutionSeconds" />
            </span>
          </>
        }
      >
        <Datagrid rowClick={admin ? 'edit' : false} bulkActionButtons={false}>
          <TextField source="name" />
          <FunctionField source="hospitalId" sortable={false} render={hospital} />
          <SelectField source="level" choices={faultLevelChoices} />
          <DurationField source="replySeconds" />
          <DurationField source="firstSolutionSeconds" />
          <FunctionField source="warnAt" sortable={false} render={(r: SlaPolicy) => (r.warnAt ?? []).map((f) => `${Math.round(f * 1000) / 10}%`).join(', ')} />
          <DurationField source="unclaimedReminderSeconds" />
          <DurationField source="signatureReminderSeconds" />
        </Datagrid>
      </ResponsiveList>
    </List>
  );
};
