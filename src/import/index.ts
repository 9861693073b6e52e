// Adoption: a groups.yaml (and its members files) written from the live platforms.
export { importConfig, type ImportResult } from './write.js';
