import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import type { TemplateSection } from '../../../domain/inspection/templates';

/** A version's sections and items as the engineer's checklist will ask them. */
export const TemplateSections = ({ sections }: { sections: TemplateSection[] }) => {
  const translate = useTranslate();
  return (
    <Stack sx={{ gap: 1.5 }}>
      {sections.map((s, i) => (
        <Box key={s.key} component="section" aria-label={s.title}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {i + 1}. {s.title}
          </Typography>
          <Box component="ol" sx={{ m: 0, pl: 3 }}>
            {s.items.map((item) => (
              <Box component="li" key={item.key} sx={{ py: 0.25, overflowWrap: 'anywhere' }}>
                {item.label}{' '}
                <Typography component="span" variant="body2" color="text.secondary">
                  · {translate(`choices.itemKind.${item.kind}`)}
                  {item.unit ? ` (${item.unit})` : ''}
                  {item.required ? '' : ` · ${translate('desk.templates.optional')}`} · <code>{item.key}</code>
                </Typography>
                {item.compiled && <Chip size="small" variant="outlined" sx={{ ml: 1 }} label={translate('desk.templates.compiled')} />}
              </Box>
            ))}
          </Box>
        </Box>
      ))}
    </Stack>
  );
};
