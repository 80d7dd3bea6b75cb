import VerifiedIcon from '@mui/icons-material/Verified';
import WarningIcon from '@mui/icons-material/Warning';
import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Link, Title, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate, useParams } from 'react-router-dom';
import { InfoGrid } from '../common/InfoGrid';
import { formatDateTime } from '../common/time';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import { useSay } from '../i18n/said';

export const VERIFY_PATH = '/verify';

/** 验证维修单: a code typed from a printed repair form, answered with what its archive record says. */
export const VerifyPage = () => {
  const translate = useTranslate();
  const say = useSay();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const { code } = useParams<{ code?: string }>();
  const [typed, setTyped] = useState(code ?? '');
  const dataProvider = useDeskDataProvider();
  const { data, error, isFetching } = useQuery({
    queryKey: ['verifyRepairForm', code],
    queryFn: () => dataProvider.verifyRepairForm(code!),
    enabled: !!code,
    retry: false,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim()) navigate(`${VERIFY_PATH}/${encodeURIComponent(typed.trim())}`);
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title="desk.verify.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('desk.verify.hint')}
        </Typography>
        <Stack component="form" direction="row" onSubmit={submit} sx={{ gap: 1, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
          <TextField
            size="small"
            label={translate('desk.verify.code')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 40, autoCapitalize: 'characters', spellCheck: false } }}
          />
          <Button type="submit" label="desk.verify.check" variant="contained" disabled={isFetching || !typed.trim()} />
        </Stack>
        {error && <Alert severity="error">{(error as Error).message}</Alert>}
        {data && (
          <>
            <Alert severity={data.verified ? 'success' : 'error'} icon={data.verified ? <VerifiedIcon /> : <WarningIcon />} sx={{ mb: 2 }}>
              {translate(data.verified ? 'desk.verify.verified' : 'desk.verify.notVerified')}
            </Alert>
            <InfoGrid
              items={[
                { label: 'desk.verify.code', value: data.code },
                { label: 'desk.verify.ticketId', value: <Link to={`/tickets/${encodeURIComponent(data.ticketId)}/show`}>{data.ticketId}</Link> },
                { label: 'desk.verify.hospitalName', value: data.hospitalName },
                { label: 'desk.verify.signerName', value: data.signerName },
                { label: 'desk.verify.signerDepartment', value: data.signerDepartment },
                { label: 'desk.verify.signedAt', value: formatDateTime(data.signedAt, locale) },
                { label: 'desk.verify.archivedAt', value: formatDateTime(data.archivedAt, locale) },
              ]}
            />
            {!!data.problems?.length && (
              <Alert severity="warning" sx={{ mt: 2 }}>
                {data.problems.map((p) => (
                  <div key={p.code}>{say(p as Parameters<typeof say>[0])}</div>
                ))}
              </Alert>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};
