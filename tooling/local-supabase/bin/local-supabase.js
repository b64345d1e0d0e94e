#!/usr/bin/env node
// Launcher for the TypeScript CLI: Node 20 cannot run .ts itself, so tsx's loader is registered
// in this process (no child process: signals reach the CLI directly).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
