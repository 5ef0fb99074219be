// What the app keeps on this device, and whether the browser lets it keep anything: inside a
// cross-site iframe (a page embedded in Lectio or Moodle) Chromium refuses sessionStorage and
// IndexedDB alike, and a private window may too. The pages then say so where it matters.
import { forgetOwnData } from './own-data.ts';
import { forgetTrainedVectors } from './trained-vectors.ts';

let allowed: boolean | null = null;

// False when the browser refuses this page any storage (checked once: it does not change).
export function storageAllowed(): boolean {
  if (allowed === null) {
    try {
      allowed = typeof sessionStorage !== 'undefined' && sessionStorage !== null;
    } catch {
      allowed = false;  // reading the property throws a SecurityError where storage is refused
    }
  }
  return allowed;
}

// Removes all the app kept here: the uploaded table and the trained vectors. False if it could not.
export async function forgetStoredData(): Promise<boolean> {
  const table = forgetOwnData();
  const vectors = await forgetTrainedVectors();
  return table && vectors;
}
