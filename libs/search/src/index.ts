export { analyze, normalize, queryTokens, tokens } from './text/analyze.js';
