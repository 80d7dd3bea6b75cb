-- Workflow events into PostgreSQL, in one call: desk_apply_projections(batch) with a batch as
-- domain/projection.ts's ProjectionBatch. Two writers call it with the same events, in any order and
-- at once: the API after an Update, and the workflow's outbox later (docs/design.md, "write paths").
-- - the ticket row is locked first, so one ticket's events apply one at a time;
-- - each event is written once, under its key `${ticketNo}:${seq}`: the second writer skips it;
-- - the ticket row and open-task rows take only an event newer than the one they show
--   (projection_seq moves forward only), while what only ever moves forward (closing a task,
--   events, notifications) applies whatever the order.
-- Loaded by migrations (Migration20261126190000, again by …050000 and …060000); a change here goes
-- with a migration that loads it again.

create or replace function "desk_ts"(ms jsonb) returns timestamptz language sql stable as $$
  select case when ms is null or jsonb_typeof(ms) = 'null' then null else to_timestamp((ms #>> '{}')::double precision / 1000.0) end
$$;

create or replace function "desk_apply_projections"(batch jsonb) returns void language plpgsql as $$
declare
  v_intake jsonb := batch -> 'intake';
  i jsonb := v_intake -> 'intake';
  v_no text := coalesce(i ->> 'ticketNo', batch #>> '{projections,0,ticketNo}');
  v_shown int;
  p jsonb;
  t jsonb;
  s jsonb;
  v_key text;
  v_newest boolean;
  n int;
begin
  if v_no is null then return; end if;
  if v_intake is not null and jsonb_typeof(v_intake) <> 'null' then
    insert into tickets (id, workflow_id, hospital_id, department_id, system_code, channel, fault_level, title, description, reporter_name, reporter_phone,
      status, step, received_at, reply_due_at, solution_due_at, created_by_id, created_at, updated_at)
    values (v_no, 'ticket-' || v_no, (i ->> 'hospitalId')::int, (i ->> 'departmentId')::int, i ->> 'systemCode', i ->> 'channel',
      (i ->> 'faultLevel')::smallint, i ->> 'title', i ->> 'description', i ->> 'reporterName', i ->> 'reporterPhone',
      'open', v_intake ->> 'step', (i ->> 'receivedAt')::timestamptz, (v_intake ->> 'replyDueAt')::timestamptz, (v_intake ->> 'solutionDueAt')::timestamptz,
      (i #>> '{createdBy,userId}')::int, now(), now())
    on conflict (id) do nothing;
    if found then
      insert into ticket_events (event_key, ticket_id, type, actor_id, actor_role, actor_name, data, at)
      values (v_no || ':0', v_no, 'created', (i #>> '{createdBy,userId}')::int, i #>> '{createdBy,role}', i #>> '{createdBy,displayName}',
        jsonb_build_object('channel', i -> 'channel', 'title', i -> 'title', 'faultLevel', i -> 'faultLevel'), (i ->> 'receivedAt')::timestamptz)
      on conflict (event_key) do nothing;
    end if;
  end if;

  select projection_seq into v_shown from tickets where id = v_no for update;
  if not found then raise exception 'ticket % has no row yet: its intake must be projected first', v_no; end if;

  for p in select value from jsonb_array_elements(batch -> 'projections') order by (value ->> 'seq')::int loop
    v_key := (p ->> 'ticketNo') || ':' || (p ->> 'seq');
    insert into ticket_events (event_key, ticket_id, type, actor_id, actor_role, actor_name, data, at)
    values (v_key, p ->> 'ticketNo', p ->> 'type', (p #>> '{actor,userId}')::int, p #>> '{actor,role}', p #>> '{actor,displayName}', p -> 'data', desk_ts(p -> 'at'))
    on conflict (event_key) do nothing;
    if not found then continue; end if; -- the other writer got here first

    v_newest := (p ->> 'seq')::int > v_shown;
    if v_newest then
      v_shown := (p ->> 'seq')::int;
      s := p -> 'ticket';
      update tickets set status = s ->> 'status', step = s ->> 'step', fault_level = (s ->> 'faultLevel')::smallint, category = s ->> 'category',
        maintenance_type = s ->> 'maintenanceType', department_id = (s ->> 'departmentId')::int, assignee_id = (s ->> 'assigneeId')::int,
        reply_due_at = desk_ts(s -> 'replyDueAt'), reply_satisfied_at = desk_ts(s -> 'replySatisfiedAt'), reply_breached = (s ->> 'replyBreached')::boolean,
        solution_due_at = desk_ts(s -> 'solutionDueAt'), solution_satisfied_at = desk_ts(s -> 'solutionSatisfiedAt'),
        solution_breached = (s ->> 'solutionBreached')::boolean, paused_since = desk_ts(s -> 'pausedSince'), closed_at = desk_ts(s -> 'closedAt'),
        projection_seq = v_shown, updated_at = now()
      where id = v_no;
    end if;

    for t in select value from jsonb_array_elements(p -> 'openTasks') loop
      if v_newest then
        insert into tasks (id, ticket_id, kind, candidate_role, assignee_id, status, due_at, created_at)
        values (t ->> 'id', v_no, t ->> 'kind', t ->> 'candidateRole', (t ->> 'assigneeId')::int, 'open', desk_ts(t -> 'dueAt'), desk_ts(t -> 'createdAt'))
        on conflict (id) do update set assignee_id = excluded.assignee_id, due_at = excluded.due_at where tasks.status = 'open';
      else
        insert into tasks (id, ticket_id, kind, candidate_role, assignee_id, status, due_at, created_at)
        values (t ->> 'id', v_no, t ->> 'kind', t ->> 'candidateRole', (t ->> 'assigneeId')::int, 'open', desk_ts(t -> 'dueAt'), desk_ts(t -> 'createdAt'))
        on conflict (id) do nothing;
      end if;
    end loop;

    for t in select value from jsonb_array_elements(p -> 'closedTasks') loop
      -- The whole row: a task can close even if the event that opened it was never written.
      insert into tasks (id, ticket_id, kind, candidate_role, assignee_id, status, outcome, completed_by_id, completed_at, completed_update_id, created_at)
      values (t ->> 'id', v_no, t ->> 'kind', t ->> 'candidateRole', (t ->> 'assigneeId')::int, t ->> 'status', t ->> 'outcome',
        (t ->> 'completedById')::int, desk_ts(t -> 'completedAt'), t ->> 'updateId', desk_ts(t -> 'createdAt'))
      on conflict (id) do update set status = excluded.status, outcome = excluded.outcome, completed_by_id = excluded.completed_by_id,
        completed_at = excluded.completed_at, completed_update_id = excluded.completed_update_id where tasks.status = 'open';
    end loop;

    if jsonb_typeof(p -> 'escalation') = 'object' then
      t := p -> 'escalation';
      insert into escalations (id, ticket_id, clock, fault_level, due_at, breached_at, task_id)
      values (v_no || ':' || (t ->> 'clock') || ':' || (p ->> 'seq'), v_no, t ->> 'clock', (t ->> 'faultLevel')::smallint,
        desk_ts(t -> 'dueAt'), desk_ts(t -> 'breachedAt'), t ->> 'taskId')
      on conflict (id) do nothing;
    end if;

    if p ? 'acknowledgedEscalationTaskId' and jsonb_typeof(p -> 'actor') = 'object' then
      update escalations set acknowledged_by_id = (p #>> '{actor,userId}')::int, acknowledged_at = desk_ts(p -> 'at'), note = coalesce(p #>> '{data,note}', '')
      where task_id = p ->> 'acknowledgedEscalationTaskId' and acknowledged_at is null;
    end if;

    n := 0;
    for t in select value from jsonb_array_elements(p -> 'notifications') loop
      insert into notifications (id, ticket_id, recipient_id, recipient_role, kind, params, created_at)
      values (v_key || ':' || n, v_no, (t ->> 'recipientId')::int, t ->> 'recipientRole', t ->> 'kind', coalesce(t -> 'params', '{}'::jsonb), desk_ts(p -> 'at'))
      on conflict (id) do nothing;
      n := n + 1;
    end loop;
  end loop;
end
$$;
