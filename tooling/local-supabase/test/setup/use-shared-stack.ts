// setupFiles: every test file's startTestStack() (for the fixture project) gets the run's shared stack.
import { inject } from 'vitest';
import { useSharedTestStack } from '../../src/testing.ts';
import './global-stack.ts';

useSharedTestStack(inject('localSupabase'));
