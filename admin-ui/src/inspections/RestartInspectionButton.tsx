import RestartIcon from '@mui/icons-material/RestartAlt';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import type { InspectionDetail } from './types';

/** 重新启动: a manager's or admin's, while the inspection's run has failed (the API's `allowed` says both). */
export const RestartInspectionButton = ({ inspection }: { inspection: InspectionDetail }) => {
  const translate = useTranslate();
  const dataProvider = useDeskDataProvider();
  if (!inspection.allowed.includes('restart')) return null;
  return (
    <ActionDialog
      label="desk.inspection.restart.action"
      icon={<RestartIcon />}
      done="desk.inspection.restart.done"
      color="warning"
      fields={[]}
      send={() => dataProvider.inspectionStep(inspection.id, 'restart', {})}
    >
      <Typography variant="body2">{translate('desk.inspection.restart.explain')}</Typography>
    </ActionDialog>
  );
};
