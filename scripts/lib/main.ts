/** Runs a script's main function, printing a failure without a stack trace for known errors. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const known = error instanceof Error && /^(ConfigError|DataDirUnreachableError)$/.test(error.name);
    console.error(known ? message : error);
    process.exitCode = 1;
  });
}
