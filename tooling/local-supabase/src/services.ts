// Every service the stack mounts, in mount order. One line per service, so adding one is a
// one-line change that does not conflict with the others.
import { createAuthService } from './auth/index.ts';
import type { ServiceFactory } from './context.ts';

export const serviceFactories: ServiceFactory[] = [
  createAuthService,
];
