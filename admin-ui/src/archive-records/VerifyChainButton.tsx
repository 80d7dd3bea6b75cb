import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useServerErrorHandler } from '../common/errors';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import { useSay } from '../i18n/said';
import type { ArchiveVerification } from '../types';

/** 校验档案链: re-computes every record's hash and link (GET /api/archive-records/verify) and says what it found. */
export const VerifyChainButton = () => {
  const translate = useTranslate();
  const say = useSay();
  const dataProvider = useDeskDataProvider();
  const handleError = useServerErrorHandler();
  const [result, setResult] = useState<ArchiveVerification | null>(null);
  const [pending, setPending] = useState(false);
  const verify = async () => {
    setPending(true);
    try {
      setResult(await dataProvider.verifyArchive());
    } catch (error) {
      handleError(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<VerifiedIcon />} onClick={verify} disabled={pending}>
        {translate('desk.actions.verifyChain')}
      </Button>
      <Dialog open={!!result} onClose={() => setResult(null)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('desk.actions.verifyChain')}</DialogTitle>
        <DialogContent>
          {result &&
            (result.problems.length === 0 ? (
              <Alert severity="success">{translate('desk.archive.ok', { records: result.records })}</Alert>
            ) : (
              <Alert severity="error">
                {translate('desk.archive.problems', { count: result.problems.length })}
                <ul>
                  {result.problems.map((p) => (
                    <li key={`${p.seq}-${p.problem}`}>{translate('desk.archive.problem', { ...p, problem: say(p) })}</li>
                  ))}
                </ul>
              </Alert>
            ))}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setResult(null)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
