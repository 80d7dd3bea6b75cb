import DescriptionIcon from '@mui/icons-material/Description';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useServerErrorHandler } from '../common/errors';
import { Section } from '../common/Section';
import { formatDateTime, POLL_MS } from '../common/time';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import { FilePicker } from './FilePicker';
import type { Attachment } from './types';
import { uploadAll } from './upload';
import { useChoosesVisibility, VisibilitySwitch } from './VisibilitySwitch';

export const attachmentsKey = (ticketId: string) => ['tickets', 'attachments', ticketId];

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** One file: an image as its thumbnail, anything else as its name; both open or download the file. */
const AttachmentItem = ({ a, showVisibility }: { a: Attachment; showVisibility: boolean }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <Box component="li" sx={{ listStyle: 'none', width: { xs: '46%', sm: 168 }, minWidth: 0 }}>
      <Link href={a.url} target="_blank" rel="noopener" underline="hover" sx={{ display: 'block' }} title={a.filename}>
        {a.thumbnailUrl ? (
          <Box
            component="img"
            src={a.thumbnailUrl}
            alt={a.filename}
            loading="lazy"
            data-testid="attachment-thumbnail"
            sx={{ display: 'block', width: '100%', maxWidth: 160, height: 100, objectFit: 'cover', borderRadius: 1, border: 1, borderColor: 'divider' }}
          />
        ) : (
          <Stack sx={{ height: 100, maxWidth: 160, alignItems: 'center', justifyContent: 'center', border: 1, borderColor: 'divider', borderRadius: 1 }}>
            <DescriptionIcon color="action" fontSize="large" />
          </Stack>
        )}
        <Typography variant="body2" noWrap>
          {a.filename}
        </Typography>
      </Link>
      <Typography variant="caption" color="text.secondary" component="div" noWrap>
        {size(a.size)} · {a.uploadedByName ?? ''} · {formatDateTime(a.createdAt, locale)}
      </Typography>
      <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
        {a.attachedTo !== 'request' && <Chip size="small" variant="outlined" label={translate(`desk.attachments.on.${a.attachedTo}`)} />}
        {showVisibility && <Chip size="small" color={a.visibleToHospital ? 'info' : 'default'} label={translate(a.visibleToHospital ? 'desk.attachments.forHospital' : 'desk.attachments.internal')} />}
      </Stack>
    </Box>
  );
};

/** 附件: the request's files, thumbnails for images, and (until it is archived) a place to add more. */
export const TicketAttachments = ({ ticketId, canAdd }: { ticketId: string; canAdd: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDeskDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const handleError = useServerErrorHandler();
  const staff = useChoosesVisibility();
  const [forHospital, setForHospital] = useState(false);
  const [busy, setBusy] = useState(false);
  const { data = [] } = useQuery({ queryKey: attachmentsKey(ticketId), queryFn: () => dataProvider.ticketAttachments(ticketId), refetchInterval: POLL_MS });
  const add = async (files: File[]) => {
    setBusy(true);
    try {
      await uploadAll(ticketId, files, { attachedTo: 'request', visibleToHospital: forHospital });
      notify('desk.attachments.added', { type: 'success', messageArgs: { smart_count: files.length } });
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: attachmentsKey(ticketId) });
    }
  };
  return (
    <Section title="desk.attachments.title" id="attachments">
      {data.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('desk.attachments.none')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, p: 0, m: 0, mb: 2 }}>
          {data.map((a) => (
            <AttachmentItem key={a.id} a={a} showVisibility={staff} />
          ))}
        </Box>
      )}
      {canAdd && (
        <>
          <VisibilitySwitch value={forHospital} onChange={setForHospital} />
          <FilePicker onFiles={add} disabled={busy} />
        </>
      )}
    </Section>
  );
};
