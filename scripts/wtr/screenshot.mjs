// Test-runner plugins and middleware for the screenshot tests (filled in by those tests' author).
export const plugins = [];
export const middleware = [];
