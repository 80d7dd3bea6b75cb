import { Datagrid, FunctionField, List, ReferenceField, SelectField, TextField, usePermissions, useTranslate } from 'react-admin';
import { isRole } from '../roles';
import { faultLevelChoices } from '../choices';
import { formatDuration } from '../common/time';

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
  return (
    <List sort={{ field: 'level', order: 'ASC' }} exporter={false} perPage={50}>
      <Datagrid rowClick={isRole(permissions, 'admin') ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="name" />
        <FunctionField
          source="hospitalId"
          sortable={false}
          render={(r: SlaPolicy) =>
            r.hospitalId === null ? translate('resources.sla-policies.hints.defaultPolicy') : <ReferenceField source="hospitalId" reference="hospitals" link={false} />
          }
        />
        <SelectField source="level" choices={faultLevelChoices} />
        <DurationField source="replySeconds" />
        <DurationField source="firstSolutionSeconds" />
        <FunctionField source="warnAt" sortable={false} render={(r: SlaPolicy) => (r.warnAt ?? []).map((f) => `${Math.round(f * 1000) / 10}%`).join(', ')} />
        <DurationField source="unclaimedReminderSeconds" />
        <DurationField source="signatureReminderSeconds" />
      </Datagrid>
    </List>
  );
};
