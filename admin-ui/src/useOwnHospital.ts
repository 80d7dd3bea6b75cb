import { useGetIdentity } from 'react-admin';
import { HOSPITAL_CONTACT } from './authProvider';

/**
 * A hospital contact only ever works for their own hospital; vendor staff work across hospitals.
 * The server enforces this too; the UI just doesn't offer choices that would be refused.
 */
export const useOwnHospital = () => {
  const { identity, isPending } = useGetIdentity();
  const isHospitalContact = identity?.role === HOSPITAL_CONTACT;
  const hospitalId: number | null = isHospitalContact ? (identity?.hospitalId ?? null) : null;
  return { isPending, isHospitalContact, hospitalId };
};
