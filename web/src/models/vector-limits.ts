// The largest vector file the explorer reads (after gunzip): text of this size still fits a
// phone's memory next to the parsed vectors.
export const MAX_FILE_BYTES = 400 * 1024 * 1024;
