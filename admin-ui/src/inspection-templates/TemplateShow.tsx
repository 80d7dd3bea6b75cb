import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { EditButton, Show, TopToolbar, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { InfoGrid } from '../common/InfoGrid';
import { Section } from '../common/Section';
import { formatDateTime } from '../common/time';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import type { Template } from '../inspection-plans/types';
import { isRole } from '../roles';
import { TemplateSections } from './TemplateSections';

const TemplateTitle = () => {
  const t = useRecordContext<Template>();
  return <>{t ? `${t.title} v${t.version}` : ''}</>;
};

/** Every version, newest first; the inspections that started on an older one still follow it. */
const VersionHistory = ({ code }: { code: string }) => {
  const translate = useTranslate();
  const dataProvider = useDeskDataProvider();
  const { data = [] } = useQuery({ queryKey: ['desk', 'template-versions', code], queryFn: () => dataProvider.templateVersions(code) });
  return (
    <Box>
      {data.map((v) => (
        <Accordion key={v.version} disableGutters variant="outlined">
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography variant="body2">
              {translate('desk.templates.versionLine', { version: v.version, at: formatDateTime(v.createdAt), by: v.createdByName ?? translate('desk.templates.builtIn') })}
            </Typography>
          </AccordionSummary>
          <AccordionDetails>
            <TemplateSections sections={v.sections} />
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
};

const TemplateShowContent = () => {
  const t = useRecordContext<Template>();
  const translate = useTranslate();
  if (!t) return null;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Section title="desk.templates.current" titleArgs={{ version: t.version }}>
        <InfoGrid
          items={[
            { label: 'resources.inspection-templates.fields.title', value: t.title },
            { label: 'resources.inspection-templates.fields.createdAt', value: formatDateTime(t.createdAt) },
            { label: 'resources.inspection-templates.fields.createdByName', value: t.createdByName ?? translate('desk.templates.builtIn') },
          ]}
        />
        <Box sx={{ mt: 2 }}>
          <TemplateSections sections={t.sections} />
        </Box>
      </Section>
      <Section title="desk.templates.history">
        <VersionHistory code={t.code} />
      </Section>
    </Box>
  );
};

const TemplateShowActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{isRole(permissions, 'admin') && <EditButton label="desk.templates.newVersion" />}</TopToolbar>;
};

export const TemplateShow = () => (
  <Show title={<TemplateTitle />} actions={<TemplateShowActions />}>
    <TemplateShowContent />
  </Show>
);
