import { axeSuite } from './a11y-axe.js';

axeSuite({ name: 'dark', theme: 'dark', locale: 'en', bestPractice: false });
