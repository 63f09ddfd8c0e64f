/** Long-running commands (`saldo simulator`, `saldo serve`) run until Ctrl-C or a service manager's stop. */

/** Resolves on the first SIGINT or SIGTERM; while it waits, those signals do not kill the process. */
export function untilStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
