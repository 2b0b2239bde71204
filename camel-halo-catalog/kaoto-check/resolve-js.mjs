// lets Node load Kaoto's ESM build, whose relative imports carry no .js extension
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export async function resolve(specifier, context, next) {
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && !specifier.endsWith('.js')) {
    const base = new URL(specifier, context.parentURL);
    for (const candidate of [base.href + '.js', base.href + '/index.js']) {
      if (existsSync(fileURLToPath(candidate))) return next(candidate, context);
    }
  }
  return next(specifier, context);
}
