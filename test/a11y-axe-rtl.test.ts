import { axeSuite } from './a11y-axe.js';

axeSuite({ name: 'right to left (ar)', theme: 'light', locale: 'ar', bestPractice: false });
