import { Create, SimpleForm } from 'react-admin';
import { useOwnHospital } from '../useOwnHospital';
import { TicketInputs } from './TicketInputs';
import type { Ticket } from './types';

export const TicketCreate = () => {
  const { isPending, isHospitalContact, hospitalId } = useOwnHospital();
  // Default values are read once, when the form mounts: wait until we know who is filing.
  if (isPending) return null;

  const defaultValues: Partial<Ticket> = isHospitalContact
    ? { hospitalId: hospitalId ?? undefined, channel: 'portal' }
    : { channel: 'phone' };
  const transform = (data: Partial<Ticket>) =>
    isHospitalContact && hospitalId != null ? { ...data, hospitalId } : data;

  return (
    <Create redirect="show" transform={transform}>
      <SimpleForm defaultValues={defaultValues}>
        <TicketInputs hospitalFixed={isHospitalContact} />
      </SimpleForm>
    </Create>
  );
};
