// The import's size limits, in one place so that the CSV, XLSX and dataset steps agree.

// A megabyte is 10^6 bytes everywhere on the page, in limits and in the sizes messages show (as
// browsers' download lists count); "20 MB" then means the same in every sentence.
export const MEGABYTE = 1_000_000;

// More rows than a browser trains on smoothly; the page is for classroom-sized data.
export const MAX_ROWS = 100_000;

// 20 MB: far more than 100,000 rows of a few numbers, small enough to read in one go.
export const MAX_BYTES = 20 * MEGABYTE;

// 100 MB: what an .xlsx may unpack to. An .xlsx of 100,000 rows unpacks to ~15 MB; more is a
// damaged file, or a "zip bomb", and unpacking it would take the tab's memory.
export const MAX_UNPACKED_BYTES = 100 * MEGABYTE;
