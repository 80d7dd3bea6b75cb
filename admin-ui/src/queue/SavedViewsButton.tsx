import BookmarkIcon from '@mui/icons-material/BookmarkBorder';
import Box from '@mui/material/Box';
import Popover from '@mui/material/Popover';
import { useState } from 'react';
import { Button } from 'react-admin';
import { SavedViews } from './SavedViews';

/**
 * The saved views panel behind a toolbar button: for a list whose grid needs the page's whole
 * width (the task list), where the ticket list keeps the panel beside its rows.
 */
export const SavedViewsButton = ({ resource, preferenceKey }: { resource: 'tickets' | 'tasks'; preferenceKey: string }) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button label="desk.queue.views.title" onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="dialog">
        <BookmarkIcon />
      </Button>
      <Popover open={!!anchor} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ px: 2, pb: 1.5, width: 280, maxWidth: '90vw' }}>
          <SavedViews resource={resource} preferenceKey={preferenceKey} onApplied={() => setAnchor(null)} />
        </Box>
      </Popover>
    </>
  );
};
