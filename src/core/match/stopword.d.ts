// The `stopword` package (3.x) ships no types; only its word lists are used here, one array
// of lower-case words per language, named by ISO 639-3 code.
declare module 'stopword' {
  export const deu: string[];
  export const fra: string[];
  export const ita: string[];
  export const nld: string[];
  export const por: string[];
  export const rus: string[];
  export const spa: string[];
}
