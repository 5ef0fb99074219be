// Why a text cannot be trained on, in words: a file that is not text, or a text that is mostly
// not letters (numbers, code, a table), with the share of letters the worker counted.
import { formatPercent, t } from '../app/i18n.ts';
import type { TextHeadProblem } from '../data/text-file.ts';

// fileName: the chosen file's; null for the text typed into the box.
export function textProblem(problem: TextHeadProblem, fileName: string | null): string {
  if (problem.code === 'empty') return t('corpusEmpty');
  if (problem.code === 'binary') return t('corpusBinary', { name: fileName ?? t('corpusOwn') });
  return fileName === null ? t('corpusNotLetters', { share: formatPercent(problem.share) })
    : t('corpusNotLettersFile', { name: fileName, share: formatPercent(problem.share) });
}
