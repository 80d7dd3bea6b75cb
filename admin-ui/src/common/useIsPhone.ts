import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';

/** Below MUI's `md` (900 px): phones and small tablets get cards and one column instead of tables. */
export const useIsPhone = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('md'), { noSsr: true });
