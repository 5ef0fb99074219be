// The import's size limits, in one place so that the CSV, XLSX and dataset steps agree.

// More rows than a browser trains on smoothly; the page is for classroom-sized data.
export const MAX_ROWS = 100_000;

// 20 MB: far more than 100,000 rows of a few numbers, small enough to read in one go.
export const MAX_BYTES = 20 * 1024 * 1024;
