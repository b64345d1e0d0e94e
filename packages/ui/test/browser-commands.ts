import type { BrowserCommand } from 'vitest/node';

/** Server-side commands the browser tests call through `commands` from 'vitest/browser'. */
export const emulateColorScheme: BrowserCommand<['light' | 'dark']> = async (context, scheme) => {
  await context.page.emulateMedia({ colorScheme: scheme });
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** The OS colour-scheme preference Chromium reports to prefers-color-scheme. */
    emulateColorScheme: (scheme: 'light' | 'dark') => Promise<void>;
  }
}
