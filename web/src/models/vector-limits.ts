// The largest vector file the explorer reads (after gunzip): text of this size still fits a
// phone's memory next to the parsed vectors.
import { MEGABYTE } from '../data/limits.ts';
export const MAX_FILE_BYTES = 400 * MEGABYTE;
