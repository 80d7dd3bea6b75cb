import BlockIcon from '@mui/icons-material/Block';
import Typography from '@mui/material/Typography';
import { maxLength, required, TextInput, useTranslate } from 'react-admin';
import { LIMITS } from '../../../domain/limits';
import { ActionDialog } from '../common/ActionDialog';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import type { InspectionDetail } from './types';

/** 取消巡检: a manager's, with a note, while the occurrence is not archived (the API's `allowed` says both). */
export const CancelInspectionButton = ({ inspection }: { inspection: InspectionDetail }) => {
  const translate = useTranslate();
  const dataProvider = useDeskDataProvider();
  if (!inspection.allowed.includes('cancel')) return null;
  return (
    <ActionDialog
      label="desk.inspection.cancel.action"
      icon={<BlockIcon />}
      done="desk.inspection.cancel.done"
      color="error"
      fields={['note']}
      send={(body) => dataProvider.inspectionStep(inspection.id, 'cancel', body)}
    >
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('desk.inspection.cancel.explain')}
      </Typography>
      <TextInput source="note" label="desk.fields.note" multiline minRows={2} validate={[required(), maxLength(LIMITS.reason)]} fullWidth />
    </ActionDialog>
  );
};
