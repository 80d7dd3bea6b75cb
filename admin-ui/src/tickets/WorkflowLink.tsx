import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { useDeskDataProvider } from '../common/useDeskDataProvider';

/** The ticket's workflow in Temporal's own UI (GET /api/config says where that is, if anywhere). */
export const WorkflowLink = ({ workflowId }: { workflowId: string }) => {
  const translate = useTranslate();
  const dataProvider = useDeskDataProvider();
  const { data: config } = useQuery({ queryKey: ['desk', 'config'], queryFn: () => dataProvider.config(), staleTime: Infinity });
  if (!config?.temporalUiUrl) {
    return (
      <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }} title={translate('desk.show.noTemporalUi')}>
        {workflowId}
      </Typography>
    );
  }
  const href = `${config.temporalUiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(config.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      {translate('desk.show.openInTemporal')} <OpenInNewIcon fontSize="inherit" />
      <Typography component="span" variant="caption" sx={{ fontFamily: 'monospace', ml: 0.5 }}>
        {workflowId}
      </Typography>
    </Link>
  );
};
