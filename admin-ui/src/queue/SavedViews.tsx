import BookmarkIcon from '@mui/icons-material/BookmarkBorder';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import SaveIcon from '@mui/icons-material/BookmarkAdd';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  Form,
  maxLength,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useCreate,
  useDelete,
  useGetList,
  useListContext,
  useNotify,
  usePermissions,
  useStore,
  useTranslate,
} from 'react-admin';
import { roleChoices } from '../choices';
import { isRole } from '../roles';

interface SavedView {
  id: number;
  name: string;
  role: string | null;
  deletable: boolean;
  params: { filter?: Record<string, unknown>; sort?: { field: string; order: 'ASC' | 'DESC' }; columns?: string[] };
}

/**
 * 保存的视图 in a list's aside: the user's own and those shared with their role (GET
 * /api/saved-views). Choosing one sets the list's filter, sort and columns; the current ones can
 * be saved under a name (managers and admins may share them with a role).
 */
export const SavedViews = ({ resource, preferenceKey, onApplied }: { resource: 'tickets' | 'tasks'; preferenceKey: string; onApplied?: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions();
  const { filterValues, sort, setFilters, setSort } = useListContext();
  const [columns, setColumns] = useStore<string[] | undefined>(`preferences.${preferenceKey}.columns`);
  const { data: views = [] } = useGetList<SavedView>('saved-views', { filter: { resource }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const [create] = useCreate();
  const [remove] = useDelete();
  const [saving, setSaving] = useState(false);
  const sharer = isRole(permissions, 'manager', 'admin');

  const apply = (v: SavedView) => {
    if (v.params.sort) setSort(v.params.sort);
    if (v.params.columns) setColumns(v.params.columns);
    const filter = v.params.filter ?? {};
    // The view's filters shown as filters, so what narrows the list is in sight.
    setFilters(filter, Object.fromEntries(Object.keys(filter).map((k) => [k, true])));
    onApplied?.();
  };
  const save = async (values: Record<string, unknown>) => {
    await create(
      'saved-views',
      { data: { name: values.name, resource, role: values.role || null, params: { filter: filterValues, sort, ...(columns ? { columns } : {}) } } },
      { onSuccess: () => (notify('desk.queue.views.saved', { type: 'success' }), setSaving(false)), onError: (e) => notify((e as Error).message, { type: 'error' }) },
    );
  };

  return (
    <section aria-label={translate('desk.queue.views.title')}>
      <Typography variant="overline" component="h2" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, mt: 1 }}>
        <BookmarkIcon fontSize="small" /> {translate('desk.queue.views.title')}
      </Typography>
      <List dense disablePadding>
        {views.map((v) => (
          <ListItem
            key={v.id}
            disablePadding
            secondaryAction={
              v.deletable && (
                <IconButton
                  edge="end"
                  size="small"
                  aria-label={translate('desk.queue.views.delete', { name: v.name })}
                  onClick={() => remove('saved-views', { id: v.id, previousData: v }, { onSuccess: () => notify('desk.queue.views.deleted', { type: 'info' }) })}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              )
            }
          >
            <ListItemButton onClick={() => apply(v)} sx={{ pl: 0.5 }}>
              <ListItemText
                primary={v.name}
                secondary={v.role ? translate(`choices.role.${v.role}`) : undefined}
                slotProps={{ primary: { noWrap: true, title: v.name }, secondary: { noWrap: true } }}
              />
            </ListItemButton>
          </ListItem>
        ))}
        {!views.length && (
          <Typography variant="caption" color="text.secondary">
            {translate('desk.queue.views.none')}
          </Typography>
        )}
      </List>
      <Button size="small" startIcon={<SaveIcon />} onClick={() => setSaving(true)}>
        {translate('desk.queue.views.save')}
      </Button>
      <Dialog open={saving} onClose={() => setSaving(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('desk.queue.views.save')}</DialogTitle>
        <Form onSubmit={save} defaultValues={{ role: '' }}>
          <DialogContent>
            <TextInput source="name" label="desk.queue.views.name" validate={[required(), maxLength(100)]} fullWidth autoFocus />
            {sharer && (
              <SelectInput
                source="role"
                label="desk.queue.views.share"
                choices={roleChoices}
                emptyText="desk.queue.views.personal"
                fullWidth
              />
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setSaving(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </section>
  );
};
