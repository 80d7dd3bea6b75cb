import type { SxProps, Theme } from '@mui/material/styles';

/** Row height of the queue: fifty rows to a page, each one line (issue 15). */
export const ROW_PX = 30;

/**
 * A dense working grid: one line per cell cut with an ellipsis, a fixed row height, the table as
 * wide as its container (a long hospital name or an unbroken word never widens the page).
 * `widths`: CSS widths of the fixed columns by source; the others share what is left.
 */
export function denseGrid(widths: Record<string, string>): SxProps<Theme> {
  return {
    '& .RaDatagrid-table': { tableLayout: 'fixed', width: '100%', fontSize: '0.8125rem' },
    '& .RaDatagrid-rowCell, & .RaDatagrid-headerCell, & .MuiTypography-body2': { fontSize: '0.8125rem' },
    '& th.RaDatagrid-headerCell:first-of-type, & td.RaDatagrid-rowCell:first-of-type': { width: 32, px: 0.25 },
    '& .RaDatagrid-checkbox': { p: 0.25 },
    '& .RaDatagrid-row': { height: ROW_PX },
    '& .RaDatagrid-rowCell, & .RaDatagrid-headerCell': {
      py: 0,
      px: 0.75,
      height: ROW_PX,
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
    '& .RaDatagrid-rowCell > *': { verticalAlign: 'middle' },
    '& .RaDatagrid-headerCell .MuiTableSortLabel-root': { whiteSpace: 'nowrap' },
    '& .MuiChip-root': { height: 20 },
    ...Object.fromEntries(Object.entries(widths).map(([source, width]) => [`& th.column-${source}, & td.column-${source}`, { width }])),
  };
}
