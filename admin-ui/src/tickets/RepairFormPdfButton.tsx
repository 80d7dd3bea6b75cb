import PdfIcon from '@mui/icons-material/PictureAsPdf';
import Button from '@mui/material/Button';
import { useTranslate } from 'react-admin';
import { repairFormPdfUrl } from '../dataProvider';

/** 下载维修单 (PDF): the signed form as the server prints it, with the signature and its verification code. */
export const RepairFormPdfButton = ({ ticketId }: { ticketId: string }) => {
  const translate = useTranslate();
  return (
    <Button size="small" startIcon={<PdfIcon />} href={repairFormPdfUrl(ticketId)} download>
      {translate('desk.documents.repairFormPdf')}
    </Button>
  );
};
