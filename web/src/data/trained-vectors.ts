// Vectors trained on the "Træn word2vec" page, handed to the Ordvektorer page in the same browser.
// IndexedDB, because a trained vocabulary can be several megabytes (sessionStorage holds ~5 MB of
// text); it never leaves the machine, and the next training replaces it.
const DATABASE = 'ai-vaerkstedet';
const STORE = 'handover';
const KEY = 'trained-vectors';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export interface TrainedVectors {
  name: string;        // what the explorer calls them
  bytes: ArrayBuffer;  // a word2vec text file
}

// False when the browser refuses (private mode without IndexedDB, storage full).
export async function saveTrainedVectors(vectors: TrainedVectors): Promise<boolean> {
  try {
    const db = await open();
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put(vectors, KEY);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
    return true;
  } catch {
    return false;
  }
}

// True when no trained vectors are kept any more (also when IndexedDB was never allowed here).
export async function forgetTrainedVectors(): Promise<boolean> {
  try {
    if (typeof indexedDB === 'undefined') return true;
    return await new Promise<boolean>((resolve) => {
      const request = indexedDB.deleteDatabase(DATABASE);
      request.onsuccess = () => resolve(true);
      request.onerror = () => resolve(false);
      request.onblocked = () => resolve(false);  // another tab still has it open
    });
  } catch {
    return true;
  }
}

export async function loadTrainedVectors(): Promise<TrainedVectors | null> {
  try {
    const db = await open();
    const value = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const v = value as TrainedVectors | undefined;
    return v && typeof v.name === 'string' && v.bytes instanceof ArrayBuffer ? v : null;
  } catch {
    return null;
  }
}
