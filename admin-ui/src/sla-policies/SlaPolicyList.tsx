import { Datagrid, FunctionField, List, ReferenceField, SelectField, TextField, usePermissions, useTranslate } from 'react-admin';
import { isRole } from '../roles';
import { faultLevelChoices } from '../choices';
import { secondsToMinutes } from './SlaPolicyInputs';

interface SlaPolicy {
  id: number;
  hospitalId: number | null;
  warnAt: number[];
  [key: string]: unknown;
}

const MinutesField = ({ source }: { source: string; label?: string; sortable?: boolean }) => (
  <FunctionField source={source} render={(r: SlaPolicy) => (r[source] === null || r[source] === undefined ? '—' : secondsToMinutes(r[source]))} />
);

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
        <MinutesField source="replySeconds" />
        <MinutesField source="firstSolutionSeconds" />
        <FunctionField source="warnAt" sortable={false} render={(r: SlaPolicy) => (r.warnAt ?? []).join(', ')} />
        <MinutesField source="unclaimedReminderSeconds" />
        <MinutesField source="signatureReminderSeconds" />
      </Datagrid>
    </List>
  );
};
