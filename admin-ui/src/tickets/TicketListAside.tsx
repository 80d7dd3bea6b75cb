import BoltIcon from '@mui/icons-material/Bolt';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import { FilterList, FilterListItem, usePermissions } from 'react-admin';
import type { Role } from '../choices';
import { SavedViews } from '../queue/SavedViews';
import { TICKET_COLUMNS_KEY } from './columns';

interface Quick {
  label: string;
  value: Record<string, unknown>;
}

const OPEN: Quick = { label: 'resources.tickets.filters.open', value: { status: 'open' } };
const LEVEL1: Quick = { label: 'resources.tickets.filters.level1', value: { status: 'open', faultLevel: 1 } };
/** 已超时: open tickets that missed (or are missing) a response commitment. */
const OVERDUE: Quick[] = [{ label: 'resources.tickets.filters.overdue', value: { status: 'open', breached: true } }];
const AWAITING_SIGNATURE: Quick = { label: 'resources.tickets.filters.awaitingSignature', value: { step: 'signature' } };
const FINISHED: Quick = { label: 'resources.tickets.filters.finished', value: { status: ['archived', 'cancelled'] } };

/** The questions each role asks of the list most often. */
const QUICK: Record<Role, Quick[]> = {
  dispatcher: [
    { label: 'resources.tickets.filters.mine', value: { status: 'open', step: ['triage', 'dispatch'] } },
    ...OVERDUE,
    LEVEL1,
    AWAITING_SIGNATURE,
    OPEN,
    FINISHED,
  ],
  engineer: [{ label: 'resources.tickets.filters.mine', value: { status: 'open', step: ['remote', 'onsite'] } }, ...OVERDUE, LEVEL1, FINISHED],
  manager: [...OVERDUE, LEVEL1, OPEN, AWAITING_SIGNATURE, FINISHED],
  hospital_contact: [OPEN, AWAITING_SIGNATURE, FINISHED],
  admin: [OPEN, FINISHED],
};

/** The role's quick filters and the saved views (the user's own and their role's, kept by the server). */
export const TicketListAside = () => {
  const { permissions } = usePermissions();
  const quick = QUICK[permissions as Role] ?? [OPEN, FINISHED];
  return (
    <Card variant="outlined" sx={{ order: -1, mr: 1.5, mt: 8, width: 156, flexShrink: 0, display: { xs: 'none', lg: 'block' }, alignSelf: 'flex-start' }}>
      <CardContent sx={{ pt: 1 }}>
        <FilterList label="resources.tickets.filters.quick" icon={<BoltIcon />}>
          {quick.map((q) => (
            <FilterListItem key={q.label} label={q.label} value={q.value} />
          ))}
        </FilterList>
        <SavedViews resource="tickets" preferenceKey={TICKET_COLUMNS_KEY} />
      </CardContent>
    </Card>
  );
};
