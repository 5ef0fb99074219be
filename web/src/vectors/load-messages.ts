// A Danish (or English) sentence for why a vector file could not be used, with its line or vector.
import { t, type MessageKey } from '../app/i18n.ts';
import type { LoadProblem, LoadProblemKind } from '../wasm/vectors-protocol.ts';

const REASONS: Record<Exclude<LoadProblemKind, 'ok'>, MessageKey> = {
  empty: 'loadEmpty',
  bad_header: 'loadBadHeader',
  absurd_size: 'loadAbsurdSize',
  truncated: 'loadTruncated',
  wrong_column_count: 'loadWrongColumnCount',
  not_a_number: 'loadNotANumber',
  non_finite: 'loadNonFinite',
  duplicate_word: 'loadDuplicateWord',
  empty_word: 'loadEmptyWord',
  bad_compact_file: 'loadBadCompactFile',
  too_large: 'loadTooLarge',
  extra_vectors: 'loadExtraVectors',
  gzip_broken: 'loadGzipBroken',
  fetch_failed: 'loadFetchFailed',
  file_too_large: 'loadTooLarge',
  stopped: 'loadStopped',
};

export function loadProblemText(name: string, problem: LoadProblem): string {
  const key = problem.kind === 'ok' ? 'loadNotVectors' : REASONS[problem.kind];
  const where = [
    problem.line > 0 ? t('loadAtLine', { line: problem.line }) : '',
    problem.vector > 0 ? t('loadAtVector', { vector: problem.vector }) : '',
  ].filter(Boolean).join(', ');  // "linje 3, vektor nr. 2: …"
  const reason = where ? `${where.charAt(0).toLocaleUpperCase()}${where.slice(1)}: ${t(key)}` : capitalise(t(key));
  return t('loadProblem', { name, reason });
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
