import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import { Form, PasswordInput, required, SaveButton, Title, minLength, maxLength, useGetIdentity, useNotify, useRedirect, useTranslate, type Validator } from 'react-admin';
import { changePassword } from '../authProvider';
import { useServerErrorHandler } from '../common/errors';
import { LIMITS } from '../../../domain/limits';

const NO_RECORD = {};
const validateCurrent = [required()];
const validateNew = [required(), minLength(LIMITS.passwordMin), maxLength(LIMITS.passwordMax)];
const sameAsNew: Validator = (value, values: Record<string, unknown>) => (value === values.newPassword ? undefined : 'desk.account.mismatch');
const validateConfirm = [required(), sameAsNew];

/**
 * 修改密码: from the user menu, and the only page a user signed in with a one-time password (the
 * first-run admin) sees until it is done (DeskLayout shows it in place of every other page).
 */
export const ChangePasswordPage = ({ forced = false }: { forced?: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { refetch } = useGetIdentity();
  const handleError = useServerErrorHandler();
  const submit = async (values: Record<string, unknown>) => {
    try {
      await changePassword(String(values.currentPassword ?? ''), String(values.newPassword ?? ''));
      notify('desk.account.changed', { type: 'success' });
      await refetch();
      redirect('/');
    } catch (error) {
      return handleError(error);
    }
  };
  return (
    <Card sx={{ maxWidth: 520, mt: 2 }}>
      <Title title="desk.account.changePassword" />
      <CardContent>
        {forced && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('desk.account.firstSignIn')}
          </Alert>
        )}
        <Form record={NO_RECORD} onSubmit={submit} defaultValues={{ currentPassword: '', newPassword: '', confirmPassword: '' }}>
          <PasswordInput source="currentPassword" label="desk.account.currentPassword" validate={validateCurrent} autoComplete="current-password" fullWidth />
          <PasswordInput source="newPassword" label="desk.account.newPassword" validate={validateNew} autoComplete="new-password" helperText="desk.account.hint" fullWidth />
          <PasswordInput source="confirmPassword" label="desk.account.confirmPassword" validate={validateConfirm} autoComplete="new-password" fullWidth />
          <SaveButton label="desk.account.submit" alwaysEnable />
        </Form>
      </CardContent>
    </Card>
  );
};
