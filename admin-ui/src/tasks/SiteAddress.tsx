import PlaceIcon from '@mui/icons-material/Place';
import Alert from '@mui/material/Alert';
import { useGetOne, useTranslate } from 'react-admin';
import type { TicketDetail } from '../tickets/types';

interface Place {
  id: number;
  name: string;
  address: string | null;
}

/** Where to go: the hospital's address and the department's place in it, for the engineer arriving on site. */
export const SiteAddress = ({ ticket }: { ticket: TicketDetail }) => {
  const translate = useTranslate();
  const hospital = useGetOne<Place>('hospitals', { id: ticket.hospitalId });
  const department = useGetOne<Place>('departments', { id: ticket.departmentId ?? 0 }, { enabled: !!ticket.departmentId });
  const lines = [
    [ticket.hospitalName, hospital.data?.address],
    [ticket.departmentName, department.data?.address],
  ].filter(([name]) => name);
  return (
    <Alert severity="info" icon={<PlaceIcon />} sx={{ mb: 2 }} role="region" aria-label={translate('desk.checkin.where')}>
      {lines.map(([name, address]) => (
        <div key={name}>
          <strong>{name}</strong>
          {address ? `：${address}` : ''}
        </div>
      ))}
    </Alert>
  );
};
