import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, maxLength, regex, SaveButton, TextInput, Title, email, useNotify, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';
import { InfoGrid } from '../common/InfoGrid';
import { useServerErrorHandler } from '../common/errors';
import { LIMITS } from '../../../domain/limits';

export const PROFILE_PATH = '/profile';

interface Profile {
  username: string;
  displayName: string;
  role: string;
  phone: string | null;
  email: string | null;
}

const validatePhone = [maxLength(LIMITS.phone), regex(/^[0-9+\-() ]*$/, 'desk.account.phoneInvalid')];
const validateEmail = [email(), maxLength(200)];

/** 个人资料: my name and role as the admin set them, and the phone and e-mail I keep myself (PUT /api/auth/profile). */
export const ProfilePage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const handleError = useServerErrorHandler();
  const { data } = useQuery({ queryKey: ['desk', 'profile'], queryFn: async () => (await httpClient(`${API_URL}/auth/profile`)).json as Profile });
  const submit = async (values: Record<string, unknown>) => {
    try {
      const { json } = await httpClient(`${API_URL}/auth/profile`, { method: 'PUT', body: JSON.stringify({ phone: values.phone || null, email: values.email || null }) });
      queryClient.setQueryData(['desk', 'profile'], json);
      notify('desk.account.profileSaved', { type: 'success' });
    } catch (error) {
      return handleError(error);
    }
  };
  return (
    <Card sx={{ maxWidth: 520, mt: 2 }}>
      <Title title="desk.account.profile" />
      <CardContent>
        {data && (
          <>
            <InfoGrid
              items={[
                { label: 'desk.account.displayName', value: data.displayName },
                { label: 'desk.account.role', value: translate(`choices.role.${data.role}`, { _: data.role }) },
              ]}
            />
            <Form record={data} onSubmit={submit}>
              <TextInput source="phone" label="desk.account.phone" validate={validatePhone} autoComplete="tel" fullWidth />
              <TextInput source="email" label="desk.account.email" validate={validateEmail} autoComplete="email" type="email" fullWidth />
              <SaveButton />
            </Form>
          </>
        )}
      </CardContent>
    </Card>
  );
};
