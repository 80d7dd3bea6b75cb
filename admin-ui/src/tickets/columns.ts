/** The ticket grid's column preferences (hidden, order) are kept under this key in the browser's store. */
export const TICKET_COLUMNS_KEY = 'tickets.queue';
