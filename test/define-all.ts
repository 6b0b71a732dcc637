// For tests that draw a later step's element on its own: every element defined up front,
// as the wizard would have fetched them by the time that step shows.
import '../src/define.js';
import { loadAll } from '../src/components/lazy.js';

await loadAll();
