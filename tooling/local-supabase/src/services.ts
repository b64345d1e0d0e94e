// Every service the stack mounts, in mount order. One line per service, so adding one is a
// one-line change that does not conflict with the others.
import { createAuthService } from './auth/index.ts';
import type { ServiceFactory } from './context.ts';
import { createFunctionsService } from './functions/index.ts';
import { createStorageService } from './storage/index.ts';
import { createRealtimeService } from './realtime/index.ts';
import { createRestService } from './rest/index.ts';

export const serviceFactories: ServiceFactory[] = [
  createAuthService,
  createRestService,
  createStorageService,
  createFunctionsService,
  createRealtimeService,
];
