/** The task grid's column preferences (hidden, order) are kept under this key in the browser's store. */
export const TASK_COLUMNS_KEY = 'tasks.queue';
