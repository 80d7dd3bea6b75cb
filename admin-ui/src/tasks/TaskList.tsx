import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';
import { useEffect } from 'react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  AutocompleteInput,
  DatagridConfigurable,
  DateInput,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SelectColumnsButton,
  TopToolbar,
  useGetIdentity,
  useListContext,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { DeskIdentity } from '../authProvider';
import type { Role } from '../choices';
import { ExportMenuButton } from '../common/ExportMenuButton';
import { DateTimeField } from '../common/DateTimeField';
import { POLL_MS } from '../common/time';
import { UserSelectInput } from '../common/UserSelectInput';
import { CellText, ChoiceCell, TextCell } from '../queue/CellText';
import { SavedViewsButton } from '../queue/SavedViewsButton';
import { denseGrid } from '../queue/denseGrid';
import { useRowKeys } from '../queue/useRowKeys';
import { isRole } from '../roles';
import { useIsPhone } from '../common/useIsPhone';
import { ClaimSelectedButton } from './ClaimSelectedButton';
import { ClaimButton, taskWorkPath, WorkButton } from './TaskButtons';
import { mayWork } from './taskRules';
import { TaskSlaCell } from './TaskSlaCell';
import { TaskCards } from './TaskCard';
import { TASK_COLUMNS_KEY } from './columns';
import type { Task } from './types';

interface TaskTab {
  id: string;
  label: string;
  filter: Record<string, unknown>;
}

const MINE: TaskTab = { id: 'mine', label: 'resources.tasks.tabs.mine', filter: { mine: true, status: 'open' } };
const QUEUE: TaskTab = { id: 'queue', label: 'resources.tasks.tabs.queue', filter: { queue: true } };
const ALL_OPEN: TaskTab = { id: 'all', label: 'resources.tasks.tabs.all', filter: { status: 'open' } };
const TO_SIGN: TaskTab = { id: 'sign', label: 'resources.tasks.tabs.toSign', filter: { kind: 'signature', status: 'open' } };
const DONE: TaskTab = { id: 'done', label: 'resources.tasks.tabs.done', filter: { status: 'done' } };

/** Each role's views of its work: what I hold, what waits for my role to claim, and (coordinators) everything open. */
const TABS: Record<Role, TaskTab[]> = {
  engineer: [MINE, QUEUE, DONE],
  dispatcher: [MINE, QUEUE, ALL_OPEN, DONE],
  manager: [MINE, QUEUE, ALL_OPEN, DONE],
  hospital_contact: [TO_SIGN, DONE],
  admin: [ALL_OPEN, DONE],
};

const canonical = (value: Record<string, unknown>) => JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
const sameFilter = (a: Record<string, unknown>, b: Record<string, unknown>) => canonical(a) === canonical(b);

export const tabsFor = (role: unknown): TaskTab[] => TABS[role as Role] ?? [ALL_OPEN];

const TaskTabs = ({ tabs }: { tabs: TaskTab[] }) => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const current = tabs.find((t) => sameFilter(t.filter, filterValues))?.id ?? false;
  // Arriving without a filter (menu, bookmark): open the role's first view.
  useEffect(() => {
    if (!Object.keys(filterValues).length) setFilters(tabs[0].filter, displayedFilters);
  }, [filterValues, setFilters, displayedFilters, tabs]);
  return (
    <Tabs
      value={current}
      onChange={(_e, id: string) => setFilters(tabs.find((t) => t.id === id)!.filter, displayedFilters)}
      variant="scrollable"
      // Four views side by side on a phone: narrower tabs rather than a row wider than the screen.
      sx={{ borderBottom: 1, borderColor: 'divider', px: { xs: 0, sm: 1 }, '& .MuiTab-root': { minWidth: { xs: 0, sm: 90 }, px: { xs: 1.5, sm: 2 } } }}
    >
      {tabs.map((t) => (
        <Tab key={t.id} value={t.id} label={translate(t.label)} />
      ))}
    </Tabs>
  );
};

// Fixed columns in px (13 px text); the title takes what is left, the hospital a share of it.
const WIDTHS = {
  kind: '72px',
  ticketId: '138px',
  hospitalName: '13%',
  faultLevel: '78px',
  ticketStep: '60px',
  assigneeName: '60px',
  completedByName: '60px',
  status: '52px',
  createdAt: '86px',
  urgency: '108px',
  actions: '150px',
};

/** Who holds the task or, done straight from the role's queue, who completed it: as on the request's page. */
const HolderCell = (_props: { source: string; sortable?: boolean }) => {
  const t = useRecordContext<Task>();
  return <CellText text={t?.assigneeName ?? t?.completedByName} />;
};

/** Rows moved through with j/k; Enter opens the step's form when it is mine to do, else the request. */
const TaskDatagrid = () => {
  const navigate = useNavigate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions();
  const open = useCallback(
    (t: Task) => navigate(mayWork(t, identity as DeskIdentity | undefined) ? taskWorkPath(t.id) : `/tickets/${encodeURIComponent(t.ticketId)}/show`),
    [navigate, identity],
  );
  const { highlighted, dialog } = useRowKeys<Task>(open);
  const claims = isRole(permissions, 'engineer', 'dispatcher', 'manager');
  return (
    <>
      <DatagridConfigurable
        preferenceKey={TASK_COLUMNS_KEY}
        rowClick={false}
        // Who completed a task is also in 处理人 when nobody held it; the column of its own is there to choose.
        omit={['completedByName']}
        bulkActionButtons={<>{claims && <ClaimSelectedButton />}<ExportMenuButton selected /></>}
        rowSx={(t: Task, index: number) => ({ ...(t.status === 'open' ? {} : { opacity: 0.7 }), ...highlighted(t, index) })}
        sx={denseGrid(WIDTHS)}
        size="small"
      >
        <ChoiceCell source="kind" group="taskKind" />
        <TextCell source="ticketId" />
        <TextCell source="ticketTitle" sortable={false} />
        <TextCell source="hospitalName" sortable={false} />
        <ChoiceCell source="faultLevel" group="faultLevel" sortable={false} />
        <ChoiceCell source="ticketStep" group="step" sortable={false} />
        <HolderCell source="assigneeName" sortable={false} />
        <TextCell source="completedByName" sortable={false} />
        <ChoiceCell source="status" group="taskStatus" />
        <DateTimeField source="createdAt" short />
        <TaskSlaCell source="urgency" sortBy="urgency" label="desk.sla.title" />
        <FunctionField
          source="actions"
          label=""
          sortable={false}
          render={(t: Task) => (
            <Stack direction="row" sx={{ gap: 0.5, justifyContent: 'flex-end', flexWrap: 'nowrap' }}>
              <ClaimButton task={t} />
              <WorkButton task={t} />
            </Stack>
          )}
        />
      </DatagridConfigurable>
      {dialog}
    </>
  );
};

const filters = [
  <ReferenceInput key="hospitalId" source="hospitalId" reference="hospitals">
    <AutocompleteInput />
  </ReferenceInput>,
  <UserSelectInput key="assigneeId" source="assigneeId" roles={['engineer', 'dispatcher']} helperText={false} />,
  <DateInput key="receivedFrom" source="receivedFrom" />,
  <DateInput key="receivedTo" source="receivedTo" />,
];

const TaskActions = ({ vendor }: { vendor: boolean }) => (
  <TopToolbar>
    {/* Views are kept by the server (保存的视图), not react-admin's per-browser saved queries. */}
    {vendor && <FilterButton filters={filters} disableSaveQuery />}
    <SelectColumnsButton preferenceKey={TASK_COLUMNS_KEY} />
    <SavedViewsButton resource="tasks" preferenceKey={TASK_COLUMNS_KEY} />
    <ExportMenuButton />
  </TopToolbar>
);

/** The same tasks as cards, on a phone. */
const TaskCardList = () => {
  const { data = [], isPending } = useListContext<Task>();
  const translate = useTranslate();
  if (isPending) return null;
  return (
    <Box sx={{ p: 1 }}>
      {data.length ? <TaskCards tasks={data} /> : <Typography variant="body2" sx={{ p: 1 }}>{translate('ra.navigation.no_results')}</Typography>}
    </Box>
  );
};

/** 我的任务 / 待领取 …: the work lists, refreshed every few seconds as others move tickets on. */
export const TaskList = () => {
  const { permissions, isPending } = usePermissions();
  const phone = useIsPhone();
  if (isPending) return null;
  const tabs = tabsFor(permissions);
  const vendor = !isRole(permissions, 'hospital_contact');
  return (
    <List
      filterDefaultValues={tabs[0].filter}
      sort={{ field: 'urgency', order: 'ASC' }}
      perPage={50}
      queryOptions={{ refetchInterval: POLL_MS }}
      exporter={false}
      filters={vendor ? filters : undefined}
      actions={<TaskActions vendor={vendor} />}
      sx={{ '& .RaList-main': { minWidth: 0 } }}
      // Different roles, different default views: keep each role's list state apart.
      storeKey={`tasks.${String(permissions)}`}
    >
      <TaskTabs tabs={tabs} />
      {phone ? <TaskCardList /> : <TaskDatagrid />}
    </List>
  );
};
