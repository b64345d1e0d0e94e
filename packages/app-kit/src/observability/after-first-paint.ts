/**
 * Runs `task` once the page has loaded and the browser is idle, so optional code (Sentry, Web Vitals,
 * analytics) never competes with the first page for the network or the main thread.
 */
export function afterFirstPaint(task: () => void): void {
  const whenIdle = () => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout: 3000 });
    else setTimeout(task, 200);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
