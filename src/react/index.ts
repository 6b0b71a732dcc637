// React wrappers: see the react entry's author.
export {};
