import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Stack from '@mui/material/Stack';
import { useEffect } from 'react';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  SelectField,
  TextField,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { faultLevelChoices, stepChoices, taskKindChoices, taskStatusChoices, type Role } from '../choices';
import { POLL_MS } from '../common/time';
import { useIsPhone } from '../common/useIsPhone';
import { ClaimButton, WorkButton } from './TaskButtons';
import { TaskCards } from './TaskCard';
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
      sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
    >
      {tabs.map((t) => (
        <Tab key={t.id} value={t.id} label={translate(t.label)} />
      ))}
    </Tabs>
  );
};

const TaskDatagrid = () => (
  <Datagrid rowClick={false} bulkActionButtons={false} rowSx={(t: Task) => (t.status === 'open' ? {} : { opacity: 0.7 })}>
    <SelectField source="kind" choices={taskKindChoices} sx={{ fontWeight: 600 }} />
    <TextField source="ticketId" />
    <TextField source="ticketTitle" sortable={false} />
    <SelectField source="faultLevel" choices={faultLevelChoices} sortable={false} />
    <SelectField source="ticketStep" choices={stepChoices} sortable={false} />
    <FunctionField
      source="assigneeName"
      sortable={false}
      render={(t: Task) => t.assigneeName ?? '—'}
    />
    <SelectField source="status" choices={taskStatusChoices} />
    <DateField source="createdAt" showTime />
    <DateField source="dueAt" showTime emptyText="—" />
    <FunctionField
      label=""
      render={(t: Task) => (
        <Stack direction="row" sx={{ gap: 1, justifyContent: 'flex-end' }}>
          <ClaimButton task={t} />
          <WorkButton task={t} />
        </Stack>
      )}
    />
  </Datagrid>
);

/** The same tasks as cards, on a phone. */
const TaskCardList = () => {
  const { data = [] } = useListContext<Task>();
  return (
    <Box sx={{ p: 1 }}>
      <TaskCards tasks={data} />
    </Box>
  );
};

/** 我的任务 / 待领取 …: the work lists, refreshed every few seconds as others move tickets on. */
export const TaskList = () => {
  const { permissions, isPending } = usePermissions();
  const phone = useIsPhone();
  if (isPending) return null;
  const tabs = tabsFor(permissions);
  return (
    <List
      filterDefaultValues={tabs[0].filter}
      sort={{ field: 'createdAt', order: 'DESC' }}
      queryOptions={{ refetchInterval: POLL_MS }}
      exporter={false}
      actions={false}
      // Different roles, different default views: keep each role's list state apart.
      storeKey={`tasks.${String(permissions)}`}
    >
      <TaskTabs tabs={tabs} />
      {phone ? <TaskCardList /> : <TaskDatagrid />}
    </List>
  );
};
