import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { memo, useMemo, useState } from 'react';
import { Loading, Title, useTranslate, type TranslateFunction } from 'react-admin';
import { addMonths, type Period } from '../../../domain/inspection/period';
import { useDeskDataProvider } from '../common/useDeskDataProvider';
import { useIsPhone } from '../common/useIsPhone';
import { useInspectionPath } from '../inspections/inspectionPath';
import type { InspectionBoard } from '../inspection-plans/types';
import { cellStyles, LEGEND, STATE_LOOK } from './boardStates';

type BoardHospital = InspectionBoard['hospitals'][number];
type PlanCell = BoardHospital['plans'][number]['cells'][number] & { templateCode: string };

const thisMonth = (): Period => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** What a plan's cell says, in words: for the screen reader and the hover, the sign and word on screen. */
const describe = (translate: TranslateFunction, hospital: string, cell: PlanCell) =>
  `${hospital} · ${translate(`choices.template.${cell.templateCode}`)} · ${cell.period}：${translate(`choices.boardState.${cell.state}`)}`;

/** One plan's month: a sign and a word; a link to the inspection when there is one. */
const PlanMark = ({ hospital, cell, several, path, translate }: { hospital: string; cell: PlanCell; several: boolean; path: (id: number) => string; translate: TranslateFunction }) => {
  const label = describe(translate, hospital, cell);
  const text = (
    <>
      <span aria-hidden>{STATE_LOOK[cell.state].sign}</span> {several && <span className="board-template">{translate(`choices.templateShort.${cell.templateCode}`)}</span>}
      {/* A month the plan does not owe: the sign alone, so what needs doing stands out. */}
      {cell.state === 'none' ? null : translate(`choices.boardState.${cell.state}`)}
    </>
  );
  const className = `board-mark board-${cell.state}`;
  return cell.inspectionId ? (
    <a className={className} href={`#${path(cell.inspectionId)}`} title={label} aria-label={label}>
      {text}
    </a>
  ) : (
    <span className={className} title={label} aria-label={label} role="img">
      {text}
    </span>
  );
};

/** A hospital's month: one mark per plan, or a dash when it has none. */
const MonthCell = ({ hospital, period, path, translate }: { hospital: BoardHospital; period: string; path: (id: number) => string; translate: TranslateFunction }) => {
  if (!hospital.plans.length) return <span className="board-mark board-none" aria-label={`${hospital.name} · ${period}：${translate('choices.boardState.none')}`} role="img">{STATE_LOOK.none.sign}</span>;
  const several = hospital.plans.length > 1;
  return (
    <>
      {hospital.plans.map((p) => {
        const cell = p.cells.find((c) => c.period === period);
        return cell ? <PlanMark key={p.id} hospital={hospital.name} cell={{ ...cell, templateCode: p.templateCode }} several={several} path={path} translate={translate} /> : null;
      })}
    </>
  );
};

/** Wide screens: hospitals down, months across; the table scrolls inside its own box, the hospital column stays. */
const BoardTable = memo(({ board, path, translate }: { board: InspectionBoard; path: (id: number) => string; translate: TranslateFunction }) => (
  // Width 0 with a minimum of 100%: the table's width never widens the page, it scrolls in here.
  <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%', border: 1, borderColor: 'divider', borderRadius: 1 }} role="region" aria-label={translate('desk.board.title')} tabIndex={0}>
    <Box component="table" sx={{ borderCollapse: 'collapse', fontSize: '0.8rem', '& th, & td': { borderBottom: 1, borderColor: 'divider', p: 0.5, verticalAlign: 'top' } }}>
      <thead>
        <tr>
          <Box component="th" scope="col" sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', textAlign: 'left', minWidth: 160, zIndex: 1 }}>
            {translate('desk.board.hospital')}
          </Box>
          {board.months.map((m) => (
            <Box component="th" scope="col" key={m} sx={{ whiteSpace: 'nowrap', fontWeight: m === board.today.slice(0, 7) ? 700 : 500, bgcolor: m === board.today.slice(0, 7) ? 'action.selected' : undefined }}>
              {m}
            </Box>
          ))}
        </tr>
      </thead>
      <tbody>
        {board.hospitals.map((h) => (
          <tr key={h.id}>
            <Box component="th" scope="row" sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', textAlign: 'left', fontWeight: 500, maxWidth: 220, overflowWrap: 'anywhere', zIndex: 1 }}>
              {h.name}
            </Box>
            {board.months.map((m) => (
              <td key={m}>
                <MonthCell hospital={h} period={m} path={path} translate={translate} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Box>
  </Box>
));

/** Phones: a card per hospital, its months wrapping in rows (nothing scrolls sideways). */
const BoardCards = memo(({ board, path, translate }: { board: InspectionBoard; path: (id: number) => string; translate: TranslateFunction }) => (
  <Stack sx={{ gap: 1 }}>
    {board.hospitals.map((h) => (
      <Card key={h.id} variant="outlined" component="section" aria-label={h.name} sx={{ p: 1 }}>
        <Typography variant="subtitle2" component="h2" sx={{ overflowWrap: 'anywhere', mb: 0.5 }}>
          {h.name}
        </Typography>
        {h.plans.length ? (
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(76px, 1fr))', gap: 0.5, fontSize: '0.75rem' }}>
            {board.months.map((m) => (
              <Box key={m} sx={{ minWidth: 0 }}>
                <Box sx={{ color: 'text.secondary', fontWeight: m === board.today.slice(0, 7) ? 700 : 400 }}>{m}</Box>
                <MonthCell hospital={h} period={m} path={path} translate={translate} />
              </Box>
            ))}
          </Box>
        ) : (
          // No plan at all: one line, not a month of dots each.
          <Typography variant="body2" color="text.secondary">
            {STATE_LOOK.none.sign} {translate('desk.board.noPlan')}
          </Typography>
        )}
      </Card>
    ))}
  </Stack>
));

const Legend = () => {
  const translate = useTranslate();
  return (
    <Box component="ul" aria-label={translate('desk.board.legend')} sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 0.5, listStyle: 'none', p: 0, m: 0, mb: 1.5, fontSize: '0.8rem', '& .board-mark': { display: 'inline-block', mb: 0 } }}>
      {LEGEND.map((s) => (
        <li key={s}>
          <span className={`board-mark board-${s}`}>
            <span aria-hidden>{STATE_LOOK[s].sign}</span> {translate(`choices.boardState.${s}`)}
          </span>{' '}
          <Typography component="span" variant="caption" color="text.secondary">
            {translate(`desk.board.explain.${s}`)}
          </Typography>
        </li>
      ))}
    </Box>
  );
};

/** 巡检看板: every hospital's planned services month by month; what is late or missing stands out. */
export const BoardPage = () => {
  const translate = useTranslate();
  const isPhone = useIsPhone();
  const dataProvider = useDeskDataProvider();
  const path = useInspectionPath();
  // Nine months back, this one and two ahead, moved three at a time.
  const [to, setTo] = useState<Period>(() => addMonths(thisMonth(), 2));
  const from = useMemo(() => addMonths(to, -11), [to]);
  const { data, error, isPending } = useQuery({
    queryKey: ['desk', 'inspection-board', from, to],
    queryFn: () => dataProvider.inspectionBoard(from, to),
    refetchInterval: 30_000,
    placeholderData: (previous) => previous,
  });
  const title = translate('desk.board.title');
  return (
    <Box sx={{ mt: 2, minWidth: 0, maxWidth: '100%', '& .board-mark': { display: 'block', borderRadius: 1, px: 0.5, py: 0.25, mb: 0.25, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', textDecoration: 'none' }, '& a.board-mark:hover': { textDecoration: 'underline' }, '& .board-template': { opacity: 0.8, mr: 0.5 }, ...cellStyles }}>
      <Title title={title} />
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ mr: 1 }}>
          {title}
        </Typography>
        <IconButton size="small" aria-label={translate('desk.board.earlier')} onClick={() => setTo(addMonths(to, -3))}>
          <ChevronLeftIcon />
        </IconButton>
        <Typography variant="body2">
          {from} – {to}
        </Typography>
        <IconButton size="small" aria-label={translate('desk.board.later')} onClick={() => setTo(addMonths(to, 3))}>
          <ChevronRightIcon />
        </IconButton>
        <Button size="small" onClick={() => setTo(addMonths(thisMonth(), 2))}>
          {translate('desk.board.thisMonth')}
        </Button>
      </Stack>
      <Legend />
      {error ? (
        <Alert severity="error">{(error as Error).message}</Alert>
      ) : isPending || !data ? (
        <Loading />
      ) : !data.hospitals.length ? (
        <Typography>{translate('desk.board.empty')}</Typography>
      ) : isPhone ? (
        <BoardCards board={data} path={path} translate={translate} />
      ) : (
        <BoardTable board={data} path={path} translate={translate} />
      )}
    </Box>
  );
};
