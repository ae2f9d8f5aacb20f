import { fileURLToPath } from 'node:url';

/** Paths the knowledge tests share, resolved from the repository root so the working directory does not matter. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));
