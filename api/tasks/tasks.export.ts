import type { ExportColumn } from '../exports/export';
import type { ListExport, Reader } from '../exports/list-export';
import { label } from '../exports/values';
import type { TaskDto } from './task.dto';
import { TASK_SORTABLE, taskDtoOf, visibleTasksQuery } from './task.sql';

function columns({ words: w, at }: Reader): ExportColumn<TaskDto>[] {
  const f = w.resources.tasks.fields;
  return [
    { header: f.id, value: (t) => t.id, width: 24 },
    { header: f.ticketId, value: (t) => t.ticketId, width: 20 },
    { header: f.ticketTitle, value: (t) => t.ticketTitle, width: 30 },
    { header: f.kind, value: (t) => label(w.choices.taskKind, t.kind) },
    { header: f.status, value: (t) => label(w.choices.taskStatus, t.status) },
    { header: f.candidateRole, value: (t) => label(w.choices.role, t.candidateRole) },
    { header: f.assigneeName, value: (t) => t.assigneeName },
    { header: f.faultLevel, value: (t) => label(w.choices.faultLevel, t.faultLevel) },
    { header: f.createdAt, value: (t) => at(t.createdAt), width: 17 },
    { header: f.dueAt, value: (t) => at(t.dueAt), width: 17 },
    { header: f.completedByName, value: (t) => t.completedByName },
    { header: f.completedAt, value: (t) => at(t.completedAt), width: 17 },
  ];
}

/** `/api/tasks/export`: the task list (listTasks), all of it. */
export const tasksExport: ListExport<TaskDto> = {
  resource: 'tasks',
  list: 'listTasks',
  operationId: 'exportTasks',
  tag: 'tasks',
  rows: 'tasks',
  name: (w) => w.resources.tasks.name,
  sortable: TASK_SORTABLE,
  defaultSort: { field: 'urgency', order: 'ASC' },
  query: (c, q, deps) => visibleTasksQuery(c.get('user'), q, deps.timeZone),
  row: taskDtoOf,
  columns,
};
