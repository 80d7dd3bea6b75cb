import { domainChinese as zh } from './domain.zh-CN';

/**
 * The API and the workflow answer in English: their messages are the API's contract with every
 * client and are asserted by the server's tests. The console translates them here, for the user's
 * locale: first an exact message, then a template whose values (ticket numbers, names, limits) are
 * kept. A message this table does not know is shown as the server sent it.
 *
 * Where each message comes from: api/ (ApiError, forbidden, notFound, badRequest, unprocessable,
 * saveUnique), domain/ticket-rules.ts (the workflow's refusals, 409), domain/step-checks.ts and the
 * zod schemas in domain/*.schemas.ts and api/auth (per-field messages, 400/422), zod's own default
 * messages, the workflow's notifications and db/archive-chain.ts (archive verification).
 * tests/domain/server-messages.test.ts fails when an exact message here is no longer sent.
 */

/** Only Chinese has translations; every other locale (English) shows the server's own text. */
export const translatesServerMessages = (locale: string | undefined): boolean => !!locale && locale.toLowerCase().startsWith('zh');

/** A table's own entry (never an inherited property such as `constructor`). */
const lookup = (table: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);
const label = (table: Readonly<Record<string, string>>, value: string): string => lookup(table, value) ?? value;
const role = (r: string) => label(zh.choices.role, r);
const taskKind = (k: string) => label(zh.choices.taskKind, k);
const clock = (c: string) => label(zh.choices.clock, c);
const faultLevel = (l: string) => label(zh.choices.faultLevel, l);
/** "engineer or dispatcher" → 工程师或服务工程师（调度） */
const roles = (list: string, separator: string, joiner: string) => list.split(separator).map((r) => role(r.trim())).join(joiner);
/** "phone, im, email" → 电话/400热线、即时通信（微信/QQ）、邮件 */
const labels = (table: Record<string, string>, list: string) =>
  list
    .split(',')
    .map((v) => label(table, v.trim()))
    .join('、');

/** Exact server messages (and per-field messages) → zh-CN. */
export const EXACT_SERVER_MESSAGES: Readonly<Record<string, string>> = {
  // Sign-in and session (api/auth)
  'Please sign in': '请先登录',
  'Your session has expired; please sign in again': '登录已过期，请重新登录',
  'Enter your user name and password': '请输入用户名和密码',
  'Enter your user name': '请输入用户名',
  'Enter your password': '请输入密码',
  'Wrong user name or password': '用户名或密码错误',

  // Generic answers (api/errors.ts, api/app.ts, api/validate.ts)
  'You are not allowed to do this': '无权执行此操作',
  'Invalid input': '输入无效',
  'Request rejected': '请求被拒绝',
  'The database is unavailable; please retry shortly.': '数据库暂时不可用，请稍后重试。',
  'The workflow service is unavailable; please retry shortly.': '工作流服务暂时不可用，请稍后重试。',
  'Internal error': '服务器内部错误',
  'No such endpoint': '接口不存在',
  'Please correct the highlighted fields': zh.desk.errors.invalid,
  'must be numbers': '必须是数字',

  // List queries (api/list-query.ts and the list routes' filters)
  'invalid sort': '排序参数无效',
  'invalid range': '分页参数无效',
  'filter must be a JSON object': '筛选条件 filter 必须是 JSON 对象',
  'invalid filter': '筛选条件无效',
  'unknown filter': '未知的筛选条件',
  'unknown role': '未知角色',
  'status must be open, done or cancelled': '任务状态 status 必须是 open、done 或 cancelled',
  'ticketId must be a ticket number': 'ticketId 必须是问题单号',
  'q must be text': '搜索条件 q 必须是文本',
  'id must be ticket numbers': 'id 必须是问题单号',
  'breached must be true or false': 'breached 必须是 true 或 false',
  'systemCode must be text': 'systemCode 必须是文本',

  // Administration (api/users, api/hospitals, api/sla-policies)
  'No such hospital': '医院不存在',
  'You cannot deactivate or demote your own account': '不能停用自己的账号，也不能取消自己的管理员角色',
  'This user name is taken': '该用户名已被占用',
  'Another hospital has this code': '该代码已被其他医院使用',
  'This hospital already has a department of that name': '该医院已有同名科室',
  'This hospital (or the default policy) already has terms for this level': '该医院（或默认承诺）已有此故障级别的服务响应承诺',

  // Tasks and tickets (api/tasks, api/tickets)
  'Only the requesting hospital can sign': '只有提出请求的医院才能签字',
  'This task is not yours to complete': '此任务不由您办理',
  'Hospital contacts can only raise requests for their own hospital': '医院联系人只能为本医院提交服务请求',
  'Idempotency-Key must be 1-200 characters': 'Idempotency-Key 长度必须为 1–200 个字符',
  invalid: '无效',
  'This key was already used for a different request': '此幂等键已用于另一个请求',
  'No free ticket number: the ticket number sequence is behind Temporal': '暂无可用的问题单号：问题单号序列落后于 Temporal，请联系管理员',
  'The ticket is closed: archived or cancelled': '服务请求已关闭（已归档或已取消）',

  // The workflow's refusals (domain/ticket-rules.ts), answered as 409
  'This task is assigned to someone else': '此任务已分配给其他人',
  'Only a contact of the hospital that raised the request can sign': '只有提出请求的医院的联系人才能签字',
  'Signature tasks are not claimed; the hospital signs': '签字任务无需领取，由医院签字确认',
  'You already hold this task': '您已领取此任务',
  'Someone else already holds this task': '此任务已被他人领取',
  'Not your hospital’s ticket': '这不是本医院的服务请求',
  'Only a dispatcher or manager can reassign': '只有调度员或服务经理可以改派',
  'Nothing to reassign at this step': '当前环节没有可改派的任务',
  'The signature belongs to the hospital and cannot be reassigned': '签字由医院确认，不能改派',
  'The task is already assigned to that person': '任务已分配给此人',
  'Only a dispatcher or manager can change the fault level': '只有调度员或服务经理可以调整故障级别',
  'Only a dispatcher, a manager or the assigned engineer can pause the clock': '只有调度员、服务经理或负责的工程师可以暂停计时',
  'The clock is already paused': '计时已暂停',
  'Only a dispatcher, a manager or the assigned engineer can resume the clock': '只有调度员、服务经理或负责的工程师可以恢复计时',
  'The clock is not paused': '计时未暂停',
  'Work has started; ask the dispatcher to cancel': '处理已开始，请联系调度员取消',
  'Only a dispatcher, a manager or the requesting hospital can cancel': '只有调度员、服务经理或提出请求的医院可以取消',

  // Step data, per field (domain/step-checks.ts and domain/ticket.schemas.ts)
  'Choose the service category': '请选择服务项目',
  'Choose the maintenance type': '请选择服务范围',
  'Fault level must be 1, 2, 3 or 4': '故障级别必须为一级至四级',
  'Write the first analysis of the cause': '请填写初步分析',
  'Write the plan': '请填写处理方案',
  'Choose remote or on-site': '请选择远程处理或现场服务',
  'Choose the engineer': '请选择工程师',
  'Outcome must be resolved or escalate': '处理结果必须是“已远程解决”或“需现场服务”',
  'Record what was done': '请填写处理过程',
  'Why is on-site service needed?': '请说明需要现场服务的原因',
  'Record the solution': '请填写解决方案',
  'Decision must be approve or send_back': '审批意见必须是“批准派工”或“退回远程处理”',
  'Why is it sent back?': '请说明退回原因',
  'Choose the on-site engineer': '请选择现场服务工程师',
  'Write the dispatch plan': '请填写派工方案',
  'A note is text': '说明必须是文本',
  'Describe the fault': '请填写故障描述',
  'Record the cause': '请填写故障原因',
  'Record the handling process': '请填写处理过程',
  'Record the result': '请填写处理结果',
  'When did the work start?': '请填写开始时间',
  'When did the work finish?': '请填写完成时间',
  'Finish cannot be before start': zh.desk.hints.finishedAfterStart,
  'Decision must be accept or refuse': '确认意见必须是“确认签字”或“拒绝签字”',
  'Why is the repair form refused?': '请说明拒绝签字的原因',
  'Who signs?': '请填写签字人',
  'Which department?': '请填写科室',
  'Sign on the pad': zh.desk.signature.empty,
  'Signature image too large': zh.desk.signature.tooLarge,
  'Signature must be a PNG image': '签名必须是 PNG 图片',
  'Record what you did about it': '请填写处理说明',
  'Write the note': '请填写备注',
  'Give a reason': '请填写原因',
  'Choose the new assignee': '请选择新处理人',

  // A new request (domain/ticket.schemas.ts)
  'Choose the hospital': '请选择医院',
  'Choose the system': '请选择系统',
  'Give the request a short title': '请填写简短的标题',
  'Describe the problem': '请填写问题描述',
  'Who reported it?': '请填写报告人',
  'Digits, spaces and + - ( ) only': '只能包含数字、空格及 + - ( )',

  // Users, hospitals, departments, SLA policies (domain/admin.schemas.ts)
  'Enter the name': '请输入姓名',
  'Not an e-mail address': '电子邮箱格式不正确',
  'Set a password': '请设置密码',
  'At least 10 characters': '至少 10 个字符',
  'A hospital contact needs a hospital; vendor staff have none': '医院联系人必须选择所属医院；厂商人员不属于任何医院',
  'Enter a user name': '请输入用户名',
  '3–64 characters: a-z 0-9 . _ -': zh.resources.users.hints.username,
  'active must be true or false': '“启用”必须是 true 或 false',
  'Enter a code': '请输入代码',
  '2–32 characters: A-Z 0-9 _ -': zh.resources.hospitals.hints.code,
  'Enter the hospital name': '请输入医院名称',
  'Unknown system': '未知系统',
  'Choose the systems': '请选择维保系统',
  'Enter the department name': '请输入科室名称',
  'Enter a name': '请输入名称',
  'Level must be 1, 2, 3 or 4': '故障级别必须为一级至四级',
  'Between 0 and 1': '必须在 0 到 1 之间',
  'Warning thresholds are fractions, e.g. [0.75]': '预警点是时限的比例，例如 [0.75]',
  'Ascending, without repeats': '必须按升序排列，且不能重复',
  'The first solution cannot be due before the reply': '首次解决时限不能早于答复时限',

  // Archive verification problems (db/archive-chain.ts)
  'does not link to the record before it': '未链接到前一条记录',
  'content does not match its hash': '内容与其哈希不符',
  'the event log recorded its archiving, but the record is missing': '事件日志记录了此档案的归档，但档案记录缺失',
  'does not match the hash the event log recorded when it was archived': '与归档时事件日志记录的哈希不符',
};

/** What `notFound(what)` names (api/): "Hospital not found" → 未找到该医院. */
const NOT_FOUND: Readonly<Record<string, string>> = {
  Ticket: '服务请求',
  Task: '任务',
  User: '用户',
  Hospital: '医院',
  Department: '科室',
  'SLA policy': '服务响应承诺',
  'Archive record': '档案记录',
  Escalation: '超时升级记录',
  Notification: '通知',
};

/** The SLA policy durations `seconds(what)` names (domain/admin.schemas.ts). */
const SLA_DURATIONS: Readonly<Record<string, string>> = {
  'the reply time': '答复时限',
  'the first-solution time': '首次解决时限',
  'the unclaimed-task reminder': '未领取提醒间隔',
  'the signature reminder': '签字提醒间隔',
};

/** zod's type names in its default messages. */
const ZOD_TYPES: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
  undefined: '空',
  null: '空值',
  nan: 'NaN',
};
const COMPARISON: Readonly<Record<string, string>> = { '<=': '不大于', '<': '小于', '>=': '不小于', '>': '大于' };

export interface ServerMessagePattern {
  pattern: RegExp;
  /** The zh-CN text from the captured values; undefined when a value is not known (the original is shown). */
  zh: (...values: string[]) => string | undefined;
  /** A message the server sends that this pattern translates. */
  example: string;
  /**
   * Where the template lives: a fragment of its source text in api/, domain/, workflows/ or db/
   * (checked by the test), or 'zod' for zod's own default messages (checked against zod's output).
   */
  origin: string;
}

const TICKET = '([^\\s:]+)';

/** Templates, tried in order after the exact messages; the values they capture are kept. */
export const SERVER_MESSAGE_PATTERNS: readonly ServerMessagePattern[] = [
  // api/
  {
    pattern: /^Too many failed sign-ins; try again in (\d+) min$/,
    zh: (min) => `登录失败次数过多，请 ${min} 分钟后再试`,
    example: 'Too many failed sign-ins; try again in 15 min',
    origin: 'Too many failed sign-ins; try again in ${',
  },
  {
    pattern: /^This needs one of the roles: (.+)$/,
    zh: (list) => `此操作需要以下角色之一：${roles(list, ',', '、')}`,
    example: 'This needs one of the roles: dispatcher, manager',
    origin: 'This needs one of the roles: ${',
  },
  {
    pattern: /^(.+) not found$/,
    zh: (what) => {
      const noun = lookup(NOT_FOUND, what);
      return noun ? `未找到该${noun}` : undefined;
    },
    example: 'Ticket not found',
    origin: '${what} not found',
  },
  {
    pattern: /^This task is already (\w+)$/,
    zh: (status) =>
      status === 'done' ? '此任务已经完成（可能已由他人处理）' : status === 'cancelled' ? '此任务已取消' : `此任务已不在待办中（${label(zh.choices.taskStatus, status)}）`,
    example: 'This task is already done',
    origin: 'This task is already ${',
  },
  {
    pattern: /^This task is for the (\w+) role$/,
    zh: (r) => `此任务应由${role(r)}办理`,
    example: 'This task is for the dispatcher role',
    origin: 'This task is for the ${',
  },
  {
    pattern: /^Choose an active (.+)$/,
    zh: (list) => `请选择已启用的${roles(list, ' or ', '或')}`,
    example: 'Choose an active engineer',
    origin: 'Choose an active ${',
  },
  {
    pattern: /^At this step, choose an active (.+)$/,
    zh: (list) => `当前环节请选择已启用的${roles(list, ' or ', '或')}`,
    example: 'At this step, choose an active engineer or dispatcher',
    origin: 'At this step, choose an active ${',
  },
  {
    pattern: /^(.+) does not run this system$/,
    zh: (hospital) => `${hospital}未使用该系统`,
    example: '成都市公共卫生临床医疗中心 does not run this system',
    origin: '} does not run this system',
  },
  {
    pattern: /^This department does not belong to (.+)$/,
    zh: (hospital) => `该科室不属于${hospital}`,
    example: 'This department does not belong to 成都市公共卫生临床医疗中心',
    origin: 'This department does not belong to ${',
  },
  {
    pattern: /^Request body larger than (\d+) KiB$/,
    zh: (kib) => `请求内容超过 ${kib} KiB`,
    example: 'Request body larger than 1024 KiB',
    origin: 'Request body larger than ${',
  },
  {
    pattern: /^Unknown filter: (.+)$/,
    zh: (name) => `未知的筛选条件：${name}`,
    example: 'Unknown filter: colour',
    origin: 'Unknown filter: ${',
  },
  {
    pattern: /^sort must be \["field","ASC"\|"DESC"\] with field one of (.+)$/,
    zh: (fields) => `排序参数 sort 应为 ["字段","ASC"|"DESC"]，字段可选：${fields}`,
    example: 'sort must be ["field","ASC"|"DESC"] with field one of id, createdAt',
    origin: 'sort must be ["field","ASC"|"DESC"] with field one of ${',
  },
  {
    pattern: /^range must be \[start,end\] with at most (\d+) rows$/,
    zh: (max) => `分页参数 range 应为 [起始,结束]，每页最多 ${max} 行`,
    example: 'range must be [start,end] with at most 500 rows',
    origin: 'range must be [start,end] with at most ${',
  },
  {
    pattern: /^(\w+) must be JSON$/,
    zh: (name) => `${name} 必须是 JSON`,
    example: 'filter must be JSON',
    origin: '} must be JSON',
  },
  {
    pattern: /^(\w+) must be numbers$/,
    zh: (name) => `${name} 必须是数字`,
    example: 'id must be numbers',
    origin: '} must be numbers',
  },
  {
    pattern: /^(\w+) must be a number$/,
    zh: (name) => `${name} 必须是数字`,
    example: 'assigneeId must be a number',
    origin: '} must be a number',
  },
  // domain/ticket.schemas.ts and admin.schemas.ts: form fields, so the values are labelled.
  {
    pattern: /^Channel must be one of (.+)$/,
    zh: (list) => `服务形式必须是以下之一：${labels(zh.choices.channel, list)}`,
    example: 'Channel must be one of phone, im, email, portal, remote, onsite',
    origin: 'Channel must be one of ${',
  },
  {
    pattern: /^Role must be one of (.+)$/,
    zh: (list) => `角色必须是以下之一：${labels(zh.choices.role, list)}`,
    example: 'Role must be one of admin, manager, dispatcher, engineer, hospital_contact',
    origin: 'Role must be one of ${',
  },
  // api/ list filters (kind, role, status, step): query parameters, so the values stay as sent.
  {
    pattern: /^(\w+) must be one of (.+)$/,
    zh: (name, list) => `${name} 必须是以下之一：${list}`,
    example: 'kind must be one of triage, remote, dispatch, checkin, repair_form, signature, escalation',
    origin: '} must be one of ${',
  },
  {
    pattern: /^At most (\d+) characters$/,
    zh: (n) => `最多 ${n} 个字符`,
    example: 'At most 200 characters',
    origin: 'At most ${',
  },
  {
    pattern: /^Enter (.+)$/,
    zh: (what) => {
      const duration = lookup(SLA_DURATIONS, what);
      return duration ? `请填写${duration}` : undefined;
    },
    example: 'Enter the reply time',
    origin: 'Enter ${what}',
  },
  {
    pattern: /^(.+) must be whole seconds$/,
    zh: (what) => {
      const duration = lookup(SLA_DURATIONS, what);
      return duration ? `${duration}必须是整秒数` : undefined;
    },
    example: 'the reply time must be whole seconds',
    origin: '${what} must be whole seconds',
  },

  // domain/ticket-rules.ts: the workflow's refusals
  {
    pattern: /^The ticket is (\w+)$/,
    zh: (status) => {
      const closed = lookup(zh.choices.status, status);
      return closed ? `服务请求${closed}` : undefined;
    },
    example: 'The ticket is cancelled',
    origin: 'The ticket is ${',
  },
  {
    pattern: /^The ticket is already level (\d)$/,
    zh: (level) => `服务请求已是${faultLevel(level)}`,
    example: 'The ticket is already level 2',
    origin: 'The ticket is already level ${',
  },
  {
    pattern: /^Task (\S+) is not open \(already completed by someone else, or never existed\)$/,
    zh: (id) => `任务 ${id} 已不在待办中：已由他人完成，或不存在`,
    example: 'Task CD-20260101-0001-T2 is not open (already completed by someone else, or never existed)',
    origin: ' is not open (already completed by someone else, or never existed)',
  },
  {
    pattern: /^Task (\S+) is not open$/,
    zh: (id) => `任务 ${id} 已不在待办中`,
    example: 'Task CD-20260101-0001-T2 is not open',
    origin: ' is not open`',
  },
  {
    pattern: /^Task (\S+) is a (\w+) task, not (\w+)$/,
    zh: (id, kind, expected) => `任务 ${id} 是“${taskKind(kind)}”任务，不是“${taskKind(expected)}”任务`,
    example: 'Task CD-20260101-0001-T2 is a remote task, not triage',
    origin: ' task, not ${',
  },

  // workflows/ticket/machine.ts: notifications (the bell)
  {
    pattern: new RegExp(`^${TICKET}: remote support assigned to you$`),
    zh: (no) => `${no}：远程处理已分配给您`,
    example: 'CD-20260101-0001: remote support assigned to you',
    origin: ': remote support assigned to you`',
  },
  {
    pattern: new RegExp(`^${TICKET}: on-site service requested at triage$`),
    zh: (no) => `${no}：分诊时申请现场服务`,
    example: 'CD-20260101-0001: on-site service requested at triage',
    origin: ': on-site service requested at triage`',
  },
  {
    pattern: new RegExp(`^${TICKET}: remote attempt failed, on-site service requested$`),
    zh: (no) => `${no}：远程处理未能解决，申请现场服务`,
    example: 'CD-20260101-0001: remote attempt failed, on-site service requested',
    origin: ': remote attempt failed, on-site service requested`',
  },
  {
    pattern: new RegExp(`^${TICKET}: go on site to ([\\s\\S]*)$`),
    zh: (no, title) => `${no}：请到现场处理“${title}”`,
    example: 'CD-20260101-0001: go on site to 白板交班信息不刷新',
    origin: ': go on site to ${',
  },
  {
    pattern: new RegExp(`^${TICKET}: on-site dispatch not approved: ([\\s\\S]*)$`),
    zh: (no, reason) => `${no}：现场派工未获批准：${reason}`,
    example: 'CD-20260101-0001: on-site dispatch not approved: 请先远程核对服务日志',
    origin: ': on-site dispatch not approved: ${',
  },
  {
    pattern: new RegExp(`^${TICKET}: please check and sign the repair form \\(系统维修单\\)$`),
    zh: (no) => `${no}：请核对系统维修单并签字`,
    example: 'CD-20260101-0001: please check and sign the repair form (系统维修单)',
    origin: ': please check and sign the repair form (系统维修单)`',
  },
  {
    pattern: new RegExp(`^${TICKET}: the hospital refused the repair form: ([\\s\\S]*)$`),
    zh: (no, reason) => `${no}：医院拒绝签字确认系统维修单：${reason}`,
    example: 'CD-20260101-0001: the hospital refused the repair form: 白板仍偶尔不刷新',
    origin: ': the hospital refused the repair form: ${',
  },
  {
    pattern: new RegExp(`^${TICKET}: the hospital refused the repair form$`),
    zh: (no) => `${no}：医院拒绝签字确认系统维修单`,
    example: 'CD-20260101-0001: the hospital refused the repair form',
    origin: ': the hospital refused the repair form`',
  },
  {
    pattern: new RegExp(`^${TICKET}: (\\w+) task reassigned to you: ([\\s\\S]*)$`),
    zh: (no, kind, reason) => `${no}：“${taskKind(kind)}”任务已改派给您：${reason}`,
    example: 'CD-20260101-0001: remote task reassigned to you: 张工休假',
    origin: ' task reassigned to you: ${',
  },
  {
    pattern: new RegExp(`^${TICKET}: (\\w+) task waiting since (\\S+) \\(reminder (\\d+)\\)$`),
    zh: (no, kind, since, n) => `${no}：“${taskKind(kind)}”任务自 ${since} 起待办（第 ${n} 次提醒）`,
    example: 'CD-20260101-0001: triage task waiting since 2026-01-01T08:00:00.000Z (reminder 2)',
    origin: ' task waiting since ${',
  },
  {
    pattern: new RegExp(`^${TICKET}: (\\w+) deadline (\\S+) is (\\d+)% used$`),
    zh: (no, c, due, pct) => `${no}：${clock(c)}时限 ${due} 已用去 ${pct}%`,
    example: 'CD-20260101-0001: reply deadline 2026-01-01T08:30:00.000Z is 75% used',
    origin: '% used`',
  },
  {
    pattern: new RegExp(`^${TICKET}: level (\\S+) (\\w+) commitment breached \\(due (\\S+)\\)$`),
    zh: (no, level, c, due) => `${no}：${faultLevel(level)}${clock(c)}承诺已超时（时限 ${due}）`,
    example: 'CD-20260101-0001: level 1 reply commitment breached (due 2026-01-01T08:30:00.000Z)',
    origin: ' commitment breached (due ${',
  },
  {
    pattern: new RegExp(`^${TICKET}: new request from (.+?): ([\\s\\S]*)$`),
    zh: (no, reporter, title) => `${no}：${reporter} 提交了新的服务请求：${title}`,
    example: 'CD-20260101-0001: new request from 急诊科护士长: PDA 扫码无反应',
    origin: ': new request from ${',
  },

  // db/archive-chain.ts
  {
    pattern: /^expected record (\d+) next: records are missing$/,
    zh: (seq) => `此处应为第 ${seq} 条记录：有记录缺失`,
    example: 'expected record 7 next: records are missing',
    origin: ' next: records are missing`',
  },

  // zod's default messages (fields without a message of their own)
  {
    pattern: /^Invalid input: expected (\w+), received (\w+)$/,
    zh: (expected, received) => `输入无效：应为${label(ZOD_TYPES, expected)}，实际为${label(ZOD_TYPES, received)}`,
    example: 'Invalid input: expected number, received string',
    origin: 'zod',
  },
  {
    pattern: /^Invalid option: expected one of (.+)$/,
    zh: (options) => `选项无效：应为以下之一：${options}`,
    example: 'Invalid option: expected one of "remote"|"onsite"',
    origin: 'zod',
  },
  {
    pattern: /^Too big: expected string to have <=(\d+) characters$/,
    zh: (n) => `最多 ${n} 个字符`,
    example: 'Too big: expected string to have <=32 characters',
    origin: 'zod',
  },
  {
    pattern: /^Too small: expected string to have >=(\d+) characters$/,
    zh: (n) => `至少 ${n} 个字符`,
    example: 'Too small: expected string to have >=1 characters',
    origin: 'zod',
  },
  {
    pattern: /^Too big: expected array to have <=(\d+) items$/,
    zh: (n) => `最多 ${n} 项`,
    example: 'Too big: expected array to have <=5 items',
    origin: 'zod',
  },
  {
    pattern: /^Too (?:big|small): expected number to be (<=|<|>=|>)(\S+)$/,
    zh: (op, n) => `数值必须${label(COMPARISON, op)} ${n}`,
    example: 'Too small: expected number to be >0',
    origin: 'zod',
  },
];

/** The server's message in the user's language; unknown messages (and every non-Chinese locale) unchanged. */
export function translateServerMessage(message: string, locale: string | undefined): string {
  if (!message || !translatesServerMessages(locale)) return message;
  const exact = lookup(EXACT_SERVER_MESSAGES, message);
  if (exact !== undefined) return exact;
  for (const { pattern, zh: translate } of SERVER_MESSAGE_PATTERNS) {
    const match = pattern.exec(message);
    if (!match) continue;
    const translated = translate(...match.slice(1));
    if (translated !== undefined) return translated;
  }
  return message;
}

/** `body.errors` (field → message; react-admin also accepts nested objects), each message translated. */
export function translateFieldErrors<T>(errors: T, locale: string | undefined): T {
  if (!translatesServerMessages(locale)) return errors;
  if (typeof errors === 'string') return translateServerMessage(errors, locale) as T;
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return errors;
  return Object.fromEntries(Object.entries(errors).map(([field, value]) => [field, translateFieldErrors(value, locale)])) as T;
}
