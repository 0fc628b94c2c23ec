#!/usr/bin/env node
// The `gatewatch` command (package.json "bin", so `npx gatewatch …` works in the project after
// `npm install`): runs the CLI's TypeScript sources through tsx, which npm install brought.
// It talks to a running serve mode (GATEWATCH_URL, GATEWATCH_TOKEN); see `gatewatch --help`.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/main.ts');
