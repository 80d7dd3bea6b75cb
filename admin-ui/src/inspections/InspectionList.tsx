import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  Datagrid,
  FilterButton,
  FunctionField,
  Link,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { INSPECTION_STATUSES } from '../../../domain/inspection/occurrence';
import { ChoiceText } from '../common/ChoiceText';
import { ExportMenuButton } from '../common/ExportMenuButton';
import { useIsPhone } from '../common/useIsPhone';
import type { Inspection } from '../inspection-plans/types';
import { isRole, USER_READERS } from '../roles';
import { useOwnHospital } from '../useOwnHospital';
import { InspectionStatusChip } from './InspectionStatusChip';
import { useInspectionPath } from './inspectionPath';

const statusChoices = INSPECTION_STATUSES.map((id) => ({ id, name: `choices.inspectionStatus.${id}` }));

/** 系统巡检 v2 */
const TemplateText = ({ inspection }: { inspection: Inspection }) => (
  <>
    <ChoiceText group="template" value={inspection.templateCode} /> v{inspection.templateVersion}
  </>
);

const InspectionCards = ({ showHospital }: { showHospital: boolean }) => {
  const { data = [] } = useListContext<Inspection>();
  const translate = useTranslate();
  const inspectionPath = useInspectionPath();
  return (
    <Stack sx={{ gap: 1, p: 1 }}>
      {data.map((i) => (
        <Card key={i.id} variant="outlined" component="article">
          <CardActionArea component={Link} to={inspectionPath(i.id)} sx={{ p: 1.5 }}>
            <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography sx={{ fontWeight: 600 }}>{i.period}</Typography>
              <InspectionStatusChip status={i.status} failed={!!i.workflowState} />
            </Stack>
            {showHospital && (
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                <ReferenceField record={i} source="hospitalId" reference="hospitals" link={false} />
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary">
              <TemplateText inspection={i} /> · {translate('resources.inspections.fields.visitDate')} {i.visitDate} · {translate('resources.inspections.fields.reportDueDate')} {i.reportDueDate}
            </Typography>
          </CardActionArea>
        </Card>
      ))}
    </Stack>
  );
};

export const InspectionList = () => {
  const isPhone = useIsPhone();
  const { permissions } = usePermissions();
  const { isHospitalContact } = useOwnHospital();
  const inspectionPath = useInspectionPath();
  const filters = [
    ...(isHospitalContact
      ? []
      : [
          <ReferenceInput key="hospitalId" source="hospitalId" reference="hospitals" alwaysOn>
            <AutocompleteInput />
          </ReferenceInput>,
        ]),
    <TextInput key="period" source="period" type="month" alwaysOn slotProps={{ inputLabel: { shrink: true } }} />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'period', order: 'DESC' }}
      exporter={false}
      perPage={50}
      actions={
        <TopToolbar>
          <FilterButton />
          <ExportMenuButton />
        </TopToolbar>
      }
    >
      {isPhone ? (
        <InspectionCards showHospital={!isHospitalContact} />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={(id) => inspectionPath(Number(id))}>
          {!isHospitalContact && <ReferenceField source="hospitalId" reference="hospitals" link={false} sortable={false} />}
          <TextField source="period" />
          <FunctionField source="templateCode" sortable={false} render={(i: Inspection) => <TemplateText inspection={i} />} />
          <FunctionField source="status" sortable={false} render={(i: Inspection) => <InspectionStatusChip status={i.status} failed={!!i.workflowState} />} />
          <TextField source="visitDate" />
          <TextField source="reportDueDate" sortable={false} />
          {isRole(permissions, ...USER_READERS) && <ReferenceField source="engineerId" reference="users" link={false} sortable={false} />}
        </Datagrid>
      )}
    </List>
  );
};
