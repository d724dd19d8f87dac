// What the editors' scripts share: stopping with a message, and reading what the content folder holds.
import { contentDirFromEnv } from '../src/content/dir.mjs';
import { readContentFolder } from '../src/content/files.ts';
import { inventory, type Inventory } from '../src/content/scaffold.ts';

/** Stops with a message for the editor. */
export function refuse(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

/** The project folder, its content folder (CONTENT_DIR or `content`) and what that folder holds. */
export async function contentHere(): Promise<{ root: string; contentDir: string; known: Inventory }> {
  const root = process.cwd();
  const contentDir = contentDirFromEnv(process.env);
  return { root, contentDir, known: inventory((await readContentFolder(root, contentDir)).files) };
}
