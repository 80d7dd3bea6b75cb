import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link, RecordContextProvider, useCreatePath, useListContext, useResourceContext, useTranslate, type RaRecord } from 'react-admin';
import { useIsPhone } from './useIsPhone';

/** A card's part: fields (they read the card's record from context) or a function of the record. */
type Part<R> = ReactNode | ((record: R) => ReactNode);

export interface CardFields<R extends RaRecord = RaRecord> {
  /** What the record is called: first, bold, wrapped however long it is. */
  primary: Part<R>;
  /** The two or three fields that tell records apart, on one wrapping line. */
  secondary?: Part<R>;
  /** A further line, quieter. */
  tertiary?: Part<R>;
  /** Where a tap leads: the record's edit or show page, a path of its own, or nowhere. */
  link?: 'edit' | 'show' | false | ((record: R) => string | false);
  /** Buttons under the card's text, outside what a tap opens. */
  actions?: Part<R>;
  /** A card that needs attention (a breached request) shows it. */
  highlight?: (record: R) => boolean | undefined;
}

const render = <R,>(part: Part<R> | undefined, record: R) => (typeof part === 'function' ? part(record) : part);

// Each part is a flex line: fields side by side, wrapping, never wider than the card.
const LINE = { display: 'flex', flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.25, alignItems: 'center', minWidth: 0, overflowWrap: 'anywhere' } as const;

/** The list's records as cards, one under the other: what a phone shows instead of a table. */
export const RecordCards = <R extends RaRecord>({ primary, secondary, tertiary, link = false, actions, highlight }: CardFields<R>) => {
  const { data, isPending } = useListContext<R>();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (isPending || !data) return null;
  if (!data.length) {
    return (
      <Typography variant="body2" sx={{ p: 2 }}>
        {translate('ra.navigation.no_results')}
      </Typography>
    );
  }
  return (
    <Stack sx={{ gap: 1, p: 1, minWidth: 0 }}>
      {data.map((record) => {
        const to = typeof link === 'function' ? link(record) : link ? createPath({ resource, id: record.id, type: link }) : false;
        const body = (
          <>
            <Typography component="div" sx={{ ...LINE, fontWeight: 600 }}>
              {render(primary, record)}
            </Typography>
            {secondary !== undefined && (
              <Typography component="div" variant="body2" sx={{ ...LINE, mt: 0.5 }}>
                {render(secondary, record)}
              </Typography>
            )}
            {tertiary !== undefined && (
              <Typography component="div" variant="body2" color="text.secondary" sx={{ ...LINE, mt: 0.5 }}>
                {render(tertiary, record)}
              </Typography>
            )}
          </>
        );
        return (
          <RecordContextProvider key={record.id} value={record}>
            <Card variant="outlined" component="article" aria-label={String(record.id)} sx={{ minWidth: 0, ...(highlight?.(record) ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : {}) }}>
              {to ? (
                <CardActionArea component={Link} to={to} sx={{ p: 1.5 }}>
                  {body}
                </CardActionArea>
              ) : (
                <Box sx={{ p: 1.5 }}>{body}</Box>
              )}
              {actions !== undefined && <Stack direction="row" sx={{ gap: 1, px: 1.5, pb: 1.5, flexWrap: 'wrap', '&:empty': { display: 'none' } }}>{render(actions, record)}</Stack>}
            </Card>
          </RecordContextProvider>
        );
      })}
    </Stack>
  );
};

/**
 * A list's rows: the table (`children`) on a wide screen, cards of the given fields below the
 * phone breakpoint. Every list of the console that is not a working queue uses it.
 */
export const ResponsiveList = <R extends RaRecord>({ children, ...card }: CardFields<R> & { children: ReactNode }) =>
  useIsPhone() ? <RecordCards<R> {...card} /> : <>{children}</>;
