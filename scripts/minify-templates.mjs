// Lit's html`` and css`` templates keep their indentation and comments through a JS minifier.
// This collapses them (CSS by Lightning CSS, HTML by html-minifier-next) in the widget's own
// source. The builds use it, and so does the test runner, so every test runs on what ships.
import { minifyHTMLLiterals } from 'minify-literals';

// Conservative: a run of whitespace becomes one space, never none, and no attribute is dropped.
const html = { caseSensitive: true, collapseWhitespace: true, conservativeCollapse: true, removeComments: true, minifyCSS: { minify: true } };

/** The widget's own modules (not the mock, not tests) that hold a template. */
export const shipsTemplates = (path, code) => !path.includes('/node_modules/') && /\/src\/(?!mock\/).*(?<!\.test)\.ts$/.test(path) && /(html|css)`/.test(code);

/** The code with its templates minified, and a source map; undefined when there is nothing to do. */
export const minifyTemplates = (code, path) => minifyHTMLLiterals(code, { fileName: path, html });
