import { MESSAGES, type MessageCode } from '../../../domain/messages';

/** What the server says, in English: the server's own sentences, in polyglot's %{param} form. */
export const serverEnglish = Object.fromEntries(
  Object.entries(MESSAGES).map(([code, sentence]) => [code, sentence.replace(/\{(\w+)\}/g, '%{$1}')]),
) as Record<MessageCode, string>;
