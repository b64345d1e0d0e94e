/** The four apps under test (folder names under apps/). */
export const APPS = ['simcore', 'repz', 'liveit', 'qmlab'] as const;
export type AppName = (typeof APPS)[number];
