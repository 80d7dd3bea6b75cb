import {
  AutocompleteInput,
  BooleanInput,
  email,
  maxLength,
  minLength,
  PasswordInput,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { roleChoices } from '../choices';
import { LIMITS } from '../../../domain/limits';

const validateUsername = [required(), regex(/^[a-z0-9._-]{3,64}$/, 'resources.users.hints.username')];
const validateName = [required(), maxLength(LIMITS.name)];

/** A hospital contact belongs to one hospital; vendor staff to none. */
const HospitalInput = () => {
  const role = useWatch({ name: 'role' });
  if (role !== 'hospital_contact') return null;
  return (
    <ReferenceInput source="hospitalId" reference="hospitals">
      <AutocompleteInput validate={required()} helperText="resources.users.hints.hospital" />
    </ReferenceInput>
  );
};

export const UserInputs = ({ creating }: { creating: boolean }) => (
  <>
    {/* The user name is the sign-in identity: set once. */}
    <TextInput source="username" validate={validateUsername} readOnly={!creating} helperText={creating ? 'resources.users.hints.username' : false} />
    <TextInput source="displayName" validate={validateName} />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <HospitalInput />
    <TextInput source="phone" validate={maxLength(LIMITS.phone)} />
    <TextInput source="email" validate={[email(), maxLength(LIMITS.email)]} />
    <BooleanInput source="active" />
    <PasswordInput
      source="password"
      validate={creating ? [required(), minLength(LIMITS.passwordMin), maxLength(LIMITS.passwordMax)] : [minLength(LIMITS.passwordMin), maxLength(LIMITS.passwordMax)]}
      helperText={creating ? 'resources.users.hints.passwordRule' : 'resources.users.hints.passwordReset'}
      autoComplete="new-password"
    />
  </>
);

/** Only what the API takes: no hospital for vendor staff; no password unless one was typed. */
export const userTransform = (data: Record<string, unknown>) => {
  const { password, ...rest } = data;
  const out: Record<string, unknown> = {
    username: rest.username,
    displayName: rest.displayName,
    role: rest.role,
    hospitalId: rest.role === 'hospital_contact' ? (rest.hospitalId ?? null) : null,
    phone: rest.phone || null,
    email: rest.email || null,
    active: rest.active ?? true,
  };
  if (typeof password === 'string' && password !== '') out.password = password;
  return out;
};
