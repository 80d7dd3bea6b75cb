import { formatTicketNo } from '../../domain/ticket';

describe('ticket numbers', () => {
  it('carry the hospital-local date, so a request at 01:00 Beijing time belongs to that day', () => {
    // 17:30 UTC on 26 Nov is 01:30 on 27 Nov in Chengdu.
    expect(formatTicketNo(new Date('2026-11-26T17:30:00Z'), 42, 'Asia/Shanghai')).toBe('SR-20261127-00042');
    expect(formatTicketNo(new Date('2026-11-26T17:30:00Z'), 42, 'UTC')).toBe('SR-20261126-00042');
  });

  it('keep growing past five digits instead of wrapping', () => {
    expect(formatTicketNo(new Date('2026-01-05T02:00:00Z'), 123456, 'Asia/Shanghai')).toBe('SR-20260105-123456');
  });
});
