import PauseIcon from '@mui/icons-material/PauseCircle';
import Chip from '@mui/material/Chip';
import { useTranslate } from 'react-admin';
import type { Plan } from './types';

/** 已暂停, with why (the hospital's change freeze) in words beside it, not only on hover. */
export const PausedChip = ({ plan }: { plan: Plan }) => {
  const translate = useTranslate();
  if (!plan.paused) return null;
  const label = plan.pauseNote ? translate('desk.plans.pausedWhy', { note: plan.pauseNote }) : translate('desk.plans.paused');
  return <Chip size="small" color="warning" icon={<PauseIcon />} label={label} title={label} sx={{ maxWidth: '100%', '& .MuiChip-label': { overflow: 'hidden', textOverflow: 'ellipsis' } }} />;
};
