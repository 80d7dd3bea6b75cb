import { SelectInput, useGetList, useTranslate, type Validator } from 'react-admin';
import type { Role } from '../choices';

interface DeskUser {
  id: number;
  displayName: string;
  role: Role;
  active: boolean;
}

interface UserSelectInputProps {
  source: string;
  /** One or two roles to choose from (e.g. engineer, or engineer and dispatcher for remote work). */
  roles: Role[];
  label?: string;
  helperText?: string | false;
  validate?: Validator | Validator[];
}

const LIST = { pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'ASC' as const } };

/** Picks an active user of the given roles from GET /api/users (one query per role). */
export const UserSelectInput = ({ source, roles, label, helperText, validate }: UserSelectInputProps) => {
  const translate = useTranslate();
  const first = useGetList<DeskUser>('users', { ...LIST, filter: { role: roles[0], active: true } });
  const second = useGetList<DeskUser>('users', { ...LIST, filter: { role: roles[1], active: true } }, { enabled: roles.length > 1 });
  const users = [...(first.data ?? []), ...(roles.length > 1 ? (second.data ?? []) : [])];
  const choices = users.map((u) => ({ id: u.id, name: `${u.displayName} · ${translate(`choices.role.${u.role}`)}` }));
  const unavailable = !first.isPending && first.error;
  return (
    <SelectInput
      source={source}
      label={label}
      choices={choices}
      isPending={first.isPending}
      validate={validate}
      helperText={unavailable ? 'desk.hints.noUsers' : helperText}
      translateChoice={false}
      fullWidth
    />
  );
};
