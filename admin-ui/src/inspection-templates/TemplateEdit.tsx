import Alert from '@mui/material/Alert';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  BooleanInput,
  Edit,
  maxLength,
  regex,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useNotify,
  useRedirect,
  useSourceContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { ITEM_KINDS } from '../../../domain/inspection/templates';
import { LIMITS } from '../../../domain/limits';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import type { Template } from '../inspection-plans/types';

const kindChoices = ITEM_KINDS.map((id) => ({ id, name: `choices.itemKind.${id}` }));
const validateKey = [required(), regex(/^[a-z][a-z0-9_]{0,39}$/, 'server.template.key')];
const validateText = [required(), maxLength(LIMITS.title)];
// A fresh key for a new row: unique enough, and the admin may rename it before the first save.
const newKey = (prefix: string) => `${prefix}_${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 36).toString(36)}`;

/** One item's inputs; the product's compiled items keep their key and kind (read-only: a disabled input would not be sent). */
const ItemInputs = () => {
  const source = useSourceContext();
  const compiled = useWatch({ name: source.getSource('compiled') });
  const kind = useWatch({ name: source.getSource('kind') });
  return (
    <>
      <TextInput source="label" label="desk.templates.label" validate={validateText} sx={{ width: { xs: '100%', sm: 320 } }} />
      <TextInput source="key" label="desk.templates.key" validate={validateKey} defaultValue={newKey('item')} readOnly={!!compiled} />
      <SelectInput source="kind" label="desk.templates.kind" choices={kindChoices} validate={required()} defaultValue="check" readOnly={!!compiled} />
      {kind === 'measurement' && <TextInput source="unit" label="desk.templates.unit" validate={[required(), maxLength(16)]} sx={{ width: 100 }} />}
      <BooleanInput source="required" label="desk.templates.required" defaultValue />
    </>
  );
};

const SectionInputs = () => (
  <>
    <TextInput source="title" label="desk.templates.sectionTitle" validate={validateText} fullWidth />
    <TextInput source="key" label="desk.templates.key" validate={validateKey} defaultValue={newKey('section')} />
    <ArrayInput source="items" label="desk.templates.items">
      <SimpleFormIterator inline disableRemove={(item: RaRecord) => !!item?.compiled} disableClear sx={{ '& .RaSimpleFormIterator-inline': { flexWrap: 'wrap', columnGap: 1 } }}>
        <ItemInputs />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

const Explain = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
      {translate('desk.templates.editExplain')}
    </Alert>
  );
};

/** Only what the API takes: items typed (a unit for measurements only), the version the edit started from. */
export const templateTransform = (data: Record<string, unknown>) => ({
  baseVersion: data.version,
  title: data.title,
  sections: ((data.sections ?? []) as Record<string, unknown>[]).map((s) => ({
    key: s.key,
    title: s.title,
    items: ((s.items ?? []) as Record<string, unknown>[]).map((i) => ({
      key: i.key,
      label: i.label,
      kind: i.kind,
      required: !!i.required,
      ...(i.kind === 'measurement' ? { unit: i.unit } : {}),
      ...(i.compiled ? { compiled: i.compiled } : {}),
    })),
  })),
});

/** Saving adds a version (the data provider posts it); inspections under way keep the one they started with. */
export const TemplateEdit = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const saved = (t: Template) => {
    notify('desk.templates.saved', { type: 'success', messageArgs: { version: t.version } });
    redirect('show', 'inspection-templates', t.id);
  };
  return (
    <Edit mutationMode="pessimistic" transform={templateTransform} mutationOptions={{ onSuccess: saved }}>
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Explain />
        <TextInput source="title" label="resources.inspection-templates.fields.title" validate={validateText} fullWidth />
        <ArrayInput source="sections" label="desk.templates.sections">
          <SimpleFormIterator fullWidth disableClear getItemLabel={(index: number) => `${index + 1}`}>
            <SectionInputs />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Edit>
  );
};
