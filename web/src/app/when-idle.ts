// Runs `task` when the browser has nothing else to do (after a second where requestIdleCallback is
// missing, as in Safari): work that must happen once, but not while the page starts.
export function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 5000 });
  else setTimeout(task, 1000);
}
