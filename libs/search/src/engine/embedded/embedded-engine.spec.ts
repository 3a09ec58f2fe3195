import { searchEngineContract, CONTRACT_GLOSSARY } from '../search-engine.contract.js';
import { EmbeddedEngine } from './embedded-engine.js';

searchEngineContract(
  'embedded (SQLite FTS5)',
  async () => new EmbeddedEngine({ file: ':memory:', glossary: CONTRACT_GLOSSARY }),
);
