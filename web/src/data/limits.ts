// The import's size limits, in one place so that the CSV, XLSX and dataset steps agree.

// More rows than a browser trains on smoothly; the page is for classroom-sized data.
export const MAX_ROWS = 100_000;

// 20 MB: far more than 100,000 rows of a few numbers, small enough to read in one go.
export const MAX_BYTES = 20 * 1024 * 1024;

// 100 MB: what an .xlsx may unpack to. An .xlsx of 100,000 rows unpacks to ~15 MB; more is a
// damaged file, or a "zip bomb", and unpacking it would take the tab's memory.
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
