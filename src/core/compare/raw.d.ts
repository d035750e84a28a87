// Vite/vitest "?raw" imports: a file's text as a string (used by the demo corpus test, so that
// src/core needs no Node built-in to read it).
declare module '*?raw' {
  const text: string;
  export default text;
}
