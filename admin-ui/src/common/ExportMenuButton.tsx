import DownloadIcon from '@mui/icons-material/Download';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { Button, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { exportUrl, type ExportFormat } from '../dataProvider';

/**
 * Downloads every row of the list's current filter and sort, as CSV or XLSX: the server writes the
 * file (`GET /api/<resource>/export`), so it holds all rows however many, not a page of them.
 * `selected`: the rows ticked in the list instead (a bulk action).
 */
export const ExportMenuButton = ({ selected = false }: { selected?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { resource, filterValues, sort, total, selectedIds } = useListContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const download = (format: ExportFormat) => {
    setAnchor(null);
    const a = document.createElement('a');
    a.href = exportUrl(resource, { format, filter: selected ? { id: selectedIds } : filterValues, sort, locale });
    a.download = '';
    a.click();
  };
  return (
    <>
      <Button label={selected ? 'desk.export.selected' : 'desk.export.button'} onClick={(e) => setAnchor(e.currentTarget)} disabled={selected ? selectedIds.length === 0 : total === 0} aria-haspopup="menu">
        <DownloadIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => download('xlsx')}>{translate(selected ? 'desk.export.xlsxSelected' : 'desk.export.xlsx')}</MenuItem>
        <MenuItem onClick={() => download('csv')}>{translate(selected ? 'desk.export.csvSelected' : 'desk.export.csv')}</MenuItem>
      </Menu>
    </>
  );
};
