import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  FunctionField,
  Link,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  TopToolbar,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { nextFiring } from '../../../domain/inspection/board';
import { ChoiceText } from '../common/ChoiceText';
import { SystemChips } from '../common/SystemChips';
import { useIsPhone } from '../common/useIsPhone';
import { isRole } from '../roles';
import { PausedChip } from './PausedChip';
import { useRecurrenceText, wallClockNow } from './recurrence';
import type { Plan } from './types';

const filters = [
  <ReferenceInput key="hospitalId" source="hospitalId" reference="hospitals" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
  <NullableBooleanInput key="paused" source="paused" />,
];

/** The next firing by the plan's calendar (the plan's page shows Temporal's own list). */
const NextRun = ({ plan }: { plan: Plan }) => {
  const translate = useTranslate();
  if (plan.paused) return <PausedChip plan={plan} />;
  const next = nextFiring({ recurrence: plan.recurrence, startDate: plan.startDate, paused: plan.paused }, wallClockNow());
  return <>{next ? next.replace('T', ' ') : translate('desk.common.none')}</>;
};

/** On a phone: one card a plan, the hospital first. */
const PlanCards = () => {
  const { data = [] } = useListContext<Plan>();
  const recurrence = useRecurrenceText();
  const translate = useTranslate();
  return (
    <Stack sx={{ gap: 1, p: 1 }}>
      {data.map((p) => (
        <Card key={p.id} variant="outlined" component="article">
          <CardActionArea component={Link} to={`/inspection-plans/${p.id}/show`} sx={{ p: 1.5 }}>
            <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
              <ReferenceField record={p} source="hospitalId" reference="hospitals" link={false} />
            </Typography>
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              <ChoiceText group="template" value={p.templateCode} /> · {recurrence(p.recurrence)}
            </Typography>
            <Typography variant="body2" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
              {translate('resources.inspection-plans.fields.nextRun')} <NextRun plan={p} />
            </Typography>
          </CardActionArea>
        </Card>
      ))}
    </Stack>
  );
};

const PlanListActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{isRole(permissions, 'admin', 'manager') && <CreateButton />}</TopToolbar>;
};

export const PlanList = () => {
  const isPhone = useIsPhone();
  const recurrence = useRecurrenceText();
  const { permissions } = usePermissions();
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }} exporter={false} perPage={50} actions={<PlanListActions />}>
      {isPhone ? (
        <PlanCards />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <ReferenceField source="hospitalId" reference="hospitals" link={false} sortable />
          <FunctionField source="templateCode" sortable={false} render={(p: Plan) => <ChoiceText group="template" value={p.templateCode} />} />
          <SystemChips source="systemCodes" sortable={false} />
          <FunctionField source="recurrence" sortable={false} render={(p: Plan) => recurrence(p.recurrence)} />
          {isRole(permissions, 'admin', 'manager', 'dispatcher') && <ReferenceField source="engineerId" reference="users" link={false} sortable={false} />}
          <FunctionField source="nextRun" sortable={false} render={(p: Plan) => <NextRun plan={p} />} />
        </Datagrid>
      )}
    </List>
  );
};
