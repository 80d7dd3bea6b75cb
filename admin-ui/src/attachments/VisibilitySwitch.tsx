import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { useGetIdentity, useTranslate } from 'react-admin';
import type { DeskIdentity } from '../authProvider';

/** Whether the signed-in user chooses who sees a file: vendor staff do; a hospital contact's files are the hospital's. */
export const useChoosesVisibility = () => {
  const { identity } = useGetIdentity();
  return !!identity && (identity as DeskIdentity).role !== 'hospital_contact';
};

/** Staff only: show this file to the hospital too (off: internal, the default). */
export const VisibilitySwitch = ({ value, onChange }: { value: boolean; onChange: (v: boolean) => void }) => {
  const translate = useTranslate();
  if (!useChoosesVisibility()) return null;
  return <FormControlLabel control={<Switch size="small" checked={value} onChange={(e) => onChange(e.target.checked)} />} label={translate('desk.attachments.visibleToHospital')} />;
};
