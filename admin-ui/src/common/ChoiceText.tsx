import { useTranslate } from 'react-admin';

/** A stored value shown with its label in the current locale (choices.<group>.<value>). */
export const ChoiceText = ({ group, value }: { group: string; value: string | number | null | undefined }) => {
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') return <>—</>;
  return <>{translate(`choices.${group}.${value}`, { _: String(value) })}</>;
};
