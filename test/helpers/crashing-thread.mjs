// A derivation thread that dies on its first batch (tests of ThreadDeriver's fallback).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => process.exit(3));
