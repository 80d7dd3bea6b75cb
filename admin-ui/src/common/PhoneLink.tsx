import MuiLink from '@mui/material/Link';

/** A phone number a phone can call with one tap (tel:), digits and + only in the link. */
export const PhoneLink = ({ phone }: { phone: string | null | undefined }) => {
  if (!phone) return null;
  const dial = phone.replace(/[^\d+]/g, '');
  return dial ? <MuiLink href={`tel:${dial}`}>{phone}</MuiLink> : <>{phone}</>;
};
