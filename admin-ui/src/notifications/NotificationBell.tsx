import NotificationsIcon from '@mui/icons-material/Notifications';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type MouseEvent } from 'react';
import { useLocaleState, useRedirect, useTranslate } from 'react-admin';
import { formatDateTime, POLL_MS } from '../common/time';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import { useSay } from '../i18n/said';
import type { DeskNotification } from '../types';

/** The app bar's bell: my notifications (to me or my role), unread count on the badge, newest first. */
export const NotificationBell = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const say = useSay();
  const dataProvider = useDeskDataProvider();
  const queryClient = useQueryClient();
  const redirect = useRedirect();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data, isError } = useQuery({
    queryKey: ['desk', 'notifications'],
    queryFn: () => dataProvider.notifications(),
    refetchInterval: POLL_MS,
    retry: false,
  });
  if (isError) return null;
  const notifications: DeskNotification[] = Array.isArray(data) ? [...data].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : [];
  const unread = notifications.filter((n) => !n.readAt).length;
  const label = translate('desk.notifications.title');

  const open = async (n: DeskNotification) => {
    setAnchor(null);
    if (!n.readAt) {
      try {
        await dataProvider.markNotificationRead(n.id);
      } finally {
        queryClient.invalidateQueries({ queryKey: ['desk', 'notifications'] });
      }
    }
    if (n.inspectionId !== null) redirect('show', 'inspections', n.inspectionId);
    else if (n.ticketId !== null) redirect('show', 'tickets', n.ticketId);
  };

  return (
    <>
      <Tooltip title={unread ? `${label} · ${translate('desk.notifications.unread', { count: unread })}` : label}>
        <IconButton color="inherit" aria-label={label} onClick={(e: MouseEvent<HTMLElement>) => setAnchor(e.currentTarget)}>
          <Badge badgeContent={unread} color="error" max={99}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ width: 380, maxHeight: 480, overflow: 'auto' }} role="region" aria-label={label}>
          <Typography variant="subtitle1" sx={{ px: 2, pt: 1.5 }}>
            {label}
          </Typography>
          {!notifications.length ? (
            <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 2 }}>
              {translate('desk.notifications.empty')}
            </Typography>
          ) : (
            <List dense>
              {notifications.slice(0, 50).map((n) => (
                <ListItemButton key={n.id} onClick={() => open(n)} sx={{ bgcolor: n.readAt ? undefined : 'action.hover', alignItems: 'flex-start' }}>
                  <ListItemText
                    primary={`${translate(`desk.notifications.kinds.${n.kind}`, { _: n.kind })} · ${n.ticketId ?? n.params.period ?? ''}`}
                    secondary={
                      <>
                        <span style={{ display: 'block' }}>{say({ code: `notify.${n.kind}`, params: n.params })}</span>
                        <span>{formatDateTime(n.createdAt, locale)}</span>
                      </>
                    }
                    slotProps={{ primary: { sx: { fontWeight: n.readAt ? 400 : 600 } } }}
                  />
                </ListItemButton>
              ))}
            </List>
          )}
        </Box>
      </Popover>
    </>
  );
};
