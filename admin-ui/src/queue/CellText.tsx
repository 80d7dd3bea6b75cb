import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

/** One line of a dense row: cut with an ellipsis by the grid's styles, the whole text on hover. */
export const CellText = ({ text }: { text: string | null | undefined }) => (
  <span title={text ?? undefined}>{text || '—'}</span>
);

/** A text column of the queue: the record's value, with the full text on hover. */
export const TextCell = <R extends Record<string, unknown>>({ source }: FieldProps<R> & { source: string }) => {
  const record = useRecordContext<R>();
  const value = record?.[source];
  return <CellText text={value === null || value === undefined ? null : String(value)} />;
};

/** A vocabulary column (`choices.<group>.<value>`), translated, with the full word on hover. */
export const ChoiceCell = <R extends Record<string, unknown>>({ source, group }: FieldProps<R> & { source: string; group: string }) => {
  const record = useRecordContext<R>();
  const translate = useTranslate();
  const value = record?.[source];
  return <CellText text={value === null || value === undefined ? null : translate(`choices.${group}.${String(value)}`)} />;
};
