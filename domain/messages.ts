/**
 * Everything the server says to a person, by stable code: errors, field errors, the workflow's
 * refusals, notifications and archive-check findings. The server sends `{ code, params }` with the
 * English below rendered as `message` (for API clients and logs); the console translates the code
 * (admin-ui/src/i18n, one typed catalogue per language). Params named after a vocabulary (role,
 * roles, status, taskStatus, kind, expected, level, clock) and dates (`…At`) are translated and
 * formatted by the reader's console.
 */
export const MESSAGES = {
  // sign-in and sessions
  'auth.sign_in': 'Please sign in',
  'auth.session_expired': 'Your session has expired; please sign in again',
  'auth.credentials_required': 'Enter your user name and password',
  'auth.username_required': 'Enter your user name',
  'auth.password_required': 'Enter your password',
  'auth.wrong_credentials': 'Wrong user name or password',
  'auth.forbidden': 'You are not allowed to do this',
  'auth.role_required': 'This needs one of the roles: {roles}',
  // accounts: own password, first-run admin, throttled sign-in (issue 14)
  'auth.password_change_required': 'Change your password before doing anything else',
  'auth.current_password_required': 'Enter your current password',
  'auth.current_password_wrong': 'This is not your current password',
  'auth.new_password_required': 'Enter a new password',
  'auth.new_password_same': 'The new password must differ from the current one',
  'auth.new_password_username': 'The password must not be your user name',
  'auth.retry_in': 'Too many failed attempts; try again in {seconds} s',

  // the request itself
  'request.invalid': 'Invalid input',
  'request.rejected': 'Request rejected',
  'request.fields': 'Please correct the highlighted fields',
  'request.too_large': 'Request body larger than {kib} KiB',
  'request.no_endpoint': 'No such endpoint',
  'request.unsupported_media_type': 'Send the body as JSON (Content-Type: application/json)',
  'request.cross_origin': 'Changes are accepted only from the desk’s own pages',
  'request.not_json': '{name} must be JSON',
  'request.sort': 'sort must be ["field","ASC"|"DESC"] with field one of {fields}',
  'request.range': 'range must be [start,end] with at most {max} rows',
  'request.filter_object': 'filter must be a JSON object',
  'request.filter_unknown': 'Unknown filter: {name}',
  'request.filter_numbers': '{field} must be numbers',
  'request.filter_number': '{field} must be a number',
  'request.filter_text': '{field} must be text',
  'request.filter_boolean': '{field} must be true or false',
  'request.filter_ticket_numbers': '{field} must be ticket numbers',
  'request.filter_ticket_number': '{field} must be a ticket number',
  'request.filter_one_of': '{field} must be one of {values}',
  'request.filter_task_status': 'status must be open, done or cancelled',
  'view.share_forbidden': 'Only managers and admins share a view with a role',
  'view.not_yours': 'Only its creator (or a manager, for a shared view) deletes a view',
  'request.filter_date': '{field} must be a date (YYYY-MM-DD) or a time (ISO 8601)',
  'request.idempotency_key': 'Idempotency-Key must be 1-200 characters',
  'request.idempotency_reused': 'This key was already used for a different request',
  'request.too_many_writes': 'Too many changes in a short time; try again in {seconds} s',

  // infrastructure
  'service.database_unavailable': 'The database is unavailable; please retry shortly.',
  'service.workflow_unavailable': 'The workflow service is unavailable; please retry shortly.',
  'service.internal': 'Internal error',
  'service.ticket_numbers_behind': 'No free ticket number: the ticket number sequence is behind Temporal',

  'history.vendor_only': 'The raw workflow history is for the vendor’s staff; the timeline shows the request’s progress',

  // not found
  'ticket.not_found': 'Ticket not found',
  'task.not_found': 'Task not found',
  'view.not_found': 'Saved view not found',
  'user.not_found': 'User not found',
  'hospital.not_found': 'Hospital not found',
  'department.not_found': 'Department not found',
  'sla_policy.not_found': 'SLA policy not found',
  'escalation.not_found': 'Escalation not found',
  'archive_record.not_found': 'Archive record not found',
  'notification.not_found': 'Notification not found',

  // fields of any form
  'field.invalid': 'Invalid value',
  'field.control_chars': 'Remove the control characters (such as NUL) from this text',
  'field.required': 'Required',
  'field.too_long': 'At most {max} characters',
  'field.too_short': 'At least {min} characters',
  'field.too_many': 'At most {max} items',
  'field.too_small': 'At least {min}',
  'field.too_big': 'At most {max}',
  'field.not_integer': 'A whole number',
  'field.phone': 'Digits, spaces and + - ( ) only',
  'field.email': 'Not an e-mail address',
  'field.boolean': 'Yes or no',
  'field.fault_level': 'Fault level must be 1, 2, 3 or 4',

  // raising a request
  'ticket.hospital_required': 'Choose the hospital',
  'ticket.system_required': 'Choose the system',
  'ticket.channel_invalid': 'Channel must be one of {values}',
  'ticket.title_required': 'Give the request a short title',
  'ticket.description_required': 'Describe the problem',
  'ticket.reporter_required': 'Who reported it?',
  'ticket.own_hospital_only': 'Hospital contacts can only raise requests for their own hospital',
  'ticket.no_such_hospital': 'No such hospital',
  'ticket.system_not_run': '{hospital} does not run this system',
  'ticket.department_elsewhere': 'This department does not belong to {hospital}',

  // the workflow's refusals of a step
  'ticket.closed': 'The ticket is closed: archived or cancelled',
  'ticket.not_open': 'The ticket is {status}',
  'task.not_open': 'Task {taskId} is not open (already completed by someone else, or never existed)',
  'task.wrong_kind': 'Task {taskId} is a {kind} task, not {expected}',
  'task.assigned_elsewhere': 'This task is assigned to someone else',
  'task.for_role': 'This task is for the {role} role',
  'task.already_done': 'This task is already done',
  'task.already_cancelled': 'This task is already cancelled',
  'task.not_yours': 'This task is not yours to complete',
  'task.signature_own_hospital': 'Only the requesting hospital can sign',
  'signature.own_hospital_contact': 'Only a contact of the hospital that raised the request can sign',
  'claim.signature': 'Signature tasks are not claimed; the hospital signs',
  'claim.not_open': 'Task {taskId} is not open',
  'claim.already_yours': 'You already hold this task',
  'claim.taken': 'Someone else already holds this task',
  'note.not_your_hospital': 'Not your hospital’s ticket',
  'note.hospital_only': 'A hospital contact writes notes for the hospital only',
  'reassign.role': 'Only a dispatcher or manager can reassign',
  'reassign.nothing': 'Nothing to reassign at this step',
  'reassign.signature': 'The signature belongs to the hospital and cannot be reassigned',
  'reassign.same_person': 'The task is already assigned to that person',
  'level.role': 'Only a dispatcher or manager can change the fault level',
  'level.same': 'The ticket is already level {level}',
  'clock.pause_role': 'Only a dispatcher, a manager or the assigned engineer can pause the clock',
  'clock.already_paused': 'The clock is already paused',
  'clock.resume_role': 'Only a dispatcher, a manager or the assigned engineer can resume the clock',
  'clock.not_paused': 'The clock is not paused',
  'cancel.work_started': 'Work has started; ask the dispatcher to cancel',
  'cancel.role': 'Only a dispatcher, a manager or the requesting hospital can cancel',

  // step forms
  'step.active_user': 'Choose an active {roles}',
  'step.active_user_at_step': 'At this step, choose an active {roles}',
  'triage.category': 'Choose the service category',
  'triage.maintenance_type': 'Choose the maintenance type',
  'triage.analysis': 'Write the first analysis of the cause',
  'triage.plan': 'Write the plan',
  'triage.route': 'Choose remote or on-site',
  'triage.engineer': 'Choose the engineer',
  'remote.outcome': 'Outcome must be resolved or escalate',
  'remote.actions': 'Record what was done',
  'remote.reason': 'Why is on-site service needed?',
  'remote.solution': 'Record the solution',
  'dispatch.decision': 'Decision must be approve or send_back',
  'dispatch.reason': 'Why is it sent back?',
  'dispatch.engineer': 'Choose the on-site engineer',
  'dispatch.plan': 'Write the dispatch plan',
  'checkin.note': 'A note is text',
  'repair.fault': 'Describe the fault',
  'repair.cause': 'Record the cause',
  'repair.handling': 'Record the handling process',
  'repair.result': 'Record the result',
  'repair.started': 'When did the work start?',
  'repair.finished': 'When did the work finish?',
  'repair.finish_before_start': 'Finish cannot be before start',
  'signature.decision': 'Decision must be accept or refuse',
  'signature.reason': 'Why is the repair form refused?',
  'signature.signer': 'Who signs?',
  'signature.department': 'Which department?',
  'signature.image_required': 'Sign on the pad',
  'signature.image_too_large': 'Signature image too large',
  'signature.image_png': 'Signature must be a PNG image',
  'signature.image_size': 'The signature image may be at most {maxWidth} × {maxHeight} pixels',
  'escalation.note': 'Record what you did about it',
  'note.text': 'Write the note',
  'note.audience': 'A note is internal or for the hospital',
  'action.reason': 'Give a reason',
  'reassign.assignee': 'Choose the new assignee',

  // administration
  'user.name_required': 'Enter the name',
  'user.role_invalid': 'Role must be one of {values}',
  'user.password_required': 'Set a password',
  'user.hospital_matches_role': 'A hospital contact needs a hospital; vendor staff have none',
  'user.username_required': 'Enter a user name',
  'user.username_format': '3–64 characters: a-z 0-9 . _ -',
  'user.active_boolean': 'active must be true or false',
  'user.username_taken': 'This user name is taken',
  'user.not_yourself': 'You cannot deactivate or demote your own account',
  'hospital.code_required': 'Enter a code',
  'hospital.code_format': '2–32 characters: A-Z 0-9 _ -',
  'hospital.name_required': 'Enter the hospital name',
  'hospital.system_unknown': 'Unknown system',
  'hospital.systems_required': 'Choose the systems',
  'hospital.code_taken': 'Another hospital has this code',
  'department.name_required': 'Enter the department name',
  'department.name_taken': 'This hospital already has a department of that name',
  'sla.name_required': 'Enter a name',
  'sla.level': 'Level must be 1, 2, 3 or 4',
  'sla.seconds_required': 'Enter the time',
  'sla.whole_seconds': 'Whole seconds',
  'sla.warn_fraction': 'Between 0 and 1',
  'sla.warn_list': 'Warning thresholds are fractions, e.g. [0.75]',
  'sla.warn_ascending': 'Ascending, without repeats',
  'sla.solution_before_reply': 'The first solution cannot be due before the reply',
  'sla.duplicate': 'This hospital (or the default policy) already has terms for this level',

  // notifications
  'notify.new_ticket': '{ticketNo}: new request from {reporter}: {title}',
  'notify.assigned': '{ticketNo}: remote support assigned to you',
  'notify.reassigned': '{ticketNo}: {kind} task reassigned to you: {reason}',
  'notify.dispatch_requested': '{ticketNo}: on-site service requested at triage',
  'notify.remote_escalated': '{ticketNo}: remote attempt failed, on-site service requested',
  'notify.dispatched': '{ticketNo}: go on site to {title}',
  'notify.sent_back': '{ticketNo}: on-site dispatch not approved: {reason}',
  'notify.signature_requested': '{ticketNo}: please check and sign the repair form (系统维修单)',
  'notify.signature_refused': '{ticketNo}: the hospital refused the repair form: {reason}',
  'notify.reminder': '{ticketNo}: {kind} task waiting since {sinceAt} (reminder {count})',
  'notify.sla_warning': '{ticketNo}: {clock} deadline {dueAt} is {percent}% used',
  'notify.escalation': '{ticketNo}: level {level} {clock} commitment breached (due {dueAt})',

  // archive verification
  'archive.records_missing': 'expected record {expected} next: records are missing',
  'archive.broken_link': 'does not link to the record before it',
  'archive.content_changed': 'content does not match its hash',
  'archive.record_missing': 'the event log recorded its archiving, but the record is missing',
  'archive.hash_changed': 'does not match the hash the event log recorded when it was archived',
  'archive.checkpoint_missing': 'has no signed checkpoint',
  'archive.checkpoint_invalid': 'its signed checkpoint does not match: the chain was rewritten from here',
  'archive.attachment_changed': 'the attachment {filename} no longer matches the file archived with the ticket',

  // attachments (issue 15, item 5)
  'attachment.not_found': 'Attachment not found',
  'attachment.file_required': 'Choose a file to attach',
  'attachment.too_large': 'A file may be at most {mib} MB',
  'attachment.type_refused': 'Only images (PNG, JPEG, WebP, GIF), PDF, plain text or log files and zip archives can be attached; this file’s content is none of them',
  'attachment.executable': 'Programs cannot be attached, whatever their name',
  'attachment.ticket_archived': 'This ticket is archived: its attachments can no longer change',
  'attachment.note_unknown': 'No such note on this ticket',
  'attachment.no_note': 'Add the note first, then attach files to it',
  'attachment.repair_form_unknown': 'No such repair form task on this ticket',
  'attachment.ref_required': 'Say which note or repair form the file belongs to',
  'attachment.visibility': 'visibleToHospital must be true or false',
  'attachment.multipart': 'Send the file as multipart/form-data',

  // documents and exports (issue 15, item 4): the signed repair form as a PDF, its verification code, list exports
  'repair_form.not_signed': 'The repair form of this ticket has not been signed yet',
  'repair_form.archiving': 'The repair form was signed and is being archived; try again in a moment',
  'verification.not_found': 'No archived repair form you may see has this verification code',
  'verification.code_format': 'A verification code is 10 letters and digits as printed on the form, e.g. 7QF3M-0K2ZD',
  'documents.fonts_missing': 'This server cannot make documents: its PDF fonts are not installed',
  'export.format': 'format must be csv or xlsx',
  'export.locale': 'locale must be zh-CN or en',

  // lost workflows and dead workers (issue 14, item 4): reconciliation, restart, readiness
  'ticket.workflow_lost': 'This ticket’s workflow was lost; a manager must restart it from its last recorded state',
  'ticket.restart_not_lost': 'Only a ticket whose workflow was lost can be restarted',
  'ticket.restart_not_open': 'Only an open ticket can be restarted; this one is {status}',
  'ticket.restart_running': 'This ticket’s workflow is already running again',
  'task.restart_instead': 'This task is done by restarting its ticket, not by a form',
  'workflow.no_worker': 'No worker is running ticket workflows right now; please retry shortly.',

  // planned services: inspection plans (issue 16)
  'plan.hospital_required': 'Choose the hospital',
  'plan.template': 'Choose the report template',
  'plan.systems': 'Choose at least one system the plan covers',
  'plan.day_of_month': 'The day of the month must be from 1 to 28',
  'plan.time': 'Give a time of day (hour 0–23, minute 0–59)',
  'plan.every_months': 'Repeat every 1, 2, 3, 4, 6 or 12 months',
  'plan.engineer': 'Choose the responsible engineer',
  'plan.report_days': 'Days allowed for the report: 1 to 60',
  'plan.start_date': 'Give the start date as YYYY-MM-DD',
  'plan.catchup_days': 'The catch-up window is 1 to 31 days',
  'plan.not_found': 'No such inspection plan',
  'plan.system_not_run': '{hospital} does not run this system',
  'plan.note_required': 'Say why (the hospital’s change freeze, for example)',
  'plan.period': 'Give a month as YYYY-MM',
  'plan.period_order': 'The first month must not be after the last',
  'plan.period_future': 'Only past and current months can be made up',
  'plan.has_inspections': 'This plan has inspections on record; pause it instead of deleting it',
  'inspection.not_found': 'No such inspection',
  // the inspection's steps and report (issue 16, items 4–5)
  'inspection.not_yours': 'You may not take the step “{step}” of this inspection',
  'inspection.sign_own_hospital': 'Only a contact of the inspected hospital signs its report',
  'inspection.not_now': 'The step “{step}” is not open while the inspection is {status}',
  'inspection.report_changed': 'The report has changed since you read it; read it again before signing',
  'inspection.unknown_item': 'This inspection’s template has no item “{key}”',
  'inspection.result_on_non_check': 'Item “{key}” is not a check: it takes no result',
  'inspection.value_on_non_measurement': 'Item “{key}” is not a measurement: it takes no number',
  'inspection.finding_on_non_check': 'Item “{key}” is not a check: it takes no finding',
  'inspection.value_number': 'A measurement is a number',
  'inspection.result': 'Choose ok, warning or fault',
  'inspection.item_key': 'Name the checklist item',
  'inspection.items': 'Send at least one checklist item',
  'inspection.item_missing': 'Fill in “{item}” before submitting',
  'inspection.visit_date': 'Give the visit date as YYYY-MM-DD',
  'inspection.systems': 'Choose at least one system the inspection covers',
  'inspection.summary': 'Write the inspection summary',
  'inspection.advice': 'Write the optimisation advice',
  'inspection.review_decision': 'Approve the report or send it back',
  'inspection.review_note': 'Say what the engineer should change',
  'inspection.sign_decision': 'Sign the report or refuse it',
  'inspection.signer': 'Give the signer’s name',
  'inspection.signature_required': 'Draw the signature to sign',
  'inspection.refuse_reason': 'Say why the report is refused',
  'inspection.report_hash': 'Give the hash of the report you read (reportHash)',
  'inspection.cancel_note': 'Say why the inspection is cancelled',
  'inspection.closed': 'This inspection is archived or cancelled',
  'inspection.no_report': 'The report exists once the checklist is submitted',
  'inspection.finding_not_fault': 'Only a check item marked fault raises a ticket',
  'inspection.no_worker': 'No worker is running inspection workflows right now; please retry shortly.',
  'inspection.write_refused': 'The database refused what this step wrote: the inspection has stopped and the managers are told',
  'inspection.failed': 'This inspection’s workflow has failed (the database refused one of its writes); a manager restarts it from what was saved',
  'inspection.not_failed': 'Only an inspection whose workflow has failed can be restarted',
  'notify.inspection_review': '{hospital} {period}: inspection report waiting for your review',
  'notify.inspection_signature': '{hospital} {period}: please read and sign the inspection report (巡检报告)',
  'notify.inspection_sent_back': '{hospital} {period}: inspection report sent back: {note}',
  'notify.inspection_refused': '{hospital} {period}: the hospital refused the inspection report: {reason}',
  'notify.inspection_cancelled': '{hospital} {period}: inspection cancelled: {note}',
  'notify.inspection_visit': '{hospital} {period}: inspection visit due on {visitDate}',
  'notify.inspection_overdue': '{hospital} {period}: inspection report overdue (due {dueDate})',
  'notify.inspection_signature_reminder': '{hospital} {period}: the inspection report still waits for a signature (reminder {count})',
  'notify.inspection_failed': '{hospital} {period}: the inspection has stopped: the database refused one of its writes',
  'board.range': 'Show 1 to {max} months, the first not after the last',
  // report templates, versioned (issue 16)
  'template.not_found': 'No such report template',
  'template.stale': 'Version {version} was saved meanwhile: reload the template and make your change again',
  'template.base_version': 'Say which version the change starts from',
  'template.sections': 'A template has at least one section',
  'template.items': 'A section has at least one item',
  'template.key': 'A key is 1–40 lower-case letters, digits or _, starting with a letter',
  'template.key_taken': 'This key is used twice in the template',
  'template.item_kind': 'An item is a check, a measurement or a text',
  'template.unit_required': 'A measurement needs its unit (GB, %, ms …)',
  'template.compiled': 'Compiled items are fault_summary and storage_capacity',
  'template.compiled_key': 'A compiled item keeps its own key',
  'template.compiled_removed': 'The item {label} ({key}) is filled in by the desk and cannot be removed',
  'template.compiled_retyped': 'The item {key} is filled in by the desk: it stays a compiled text item',
  'template.storage_inputs': 'The storage forecast needs the measurements {keys}',
} as const;

export type MessageCode = keyof typeof MESSAGES;

type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;
export type ParamValue = string | number;
export type ParamsOf<C extends MessageCode> = Record<ParamNames<(typeof MESSAGES)[C]>, ParamValue>;

/** One thing the server says: a code and the values its sentence needs. */
export interface Said<C extends MessageCode = MessageCode> {
  code: C;
  params?: Record<string, ParamValue>;
}

/** What to say, with exactly the params its sentence names (checked by the type system). */
export function said<C extends MessageCode>(code: C, ...params: ParamNames<(typeof MESSAGES)[C]> extends never ? [] : [ParamsOf<C>]): Said<C> {
  return params.length ? { code, params: params[0] as Record<string, ParamValue> } : { code };
}

export function isMessageCode(s: unknown): s is MessageCode {
  return typeof s === 'string' && Object.hasOwn(MESSAGES, s);
}

/** The English sentence, for API clients and logs. */
export function english(m: Said): string {
  return MESSAGES[m.code].replace(/\{(\w+)\}/g, (_, name: string) => String(m.params?.[name] ?? `{${name}}`));
}

/** What a notification is about: the codes `notify.<kind>`. */
export type NotificationKind = MessageCode extends infer C ? (C extends `notify.${infer K}` ? K : never) : never;

/** Field name → what is wrong with it. */
export type FieldMessages = Record<string, Said>;
