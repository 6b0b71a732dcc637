// Test-runner plugins and middleware for the react tests (filled in by those tests' author).
export const plugins = [];
export const middleware = [];
