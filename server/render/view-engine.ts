import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { helpers } from './helpers/index.ts';

/**
 * A small Handlebars view engine for Express: partials from views/partials, one layout per page
 * (views/layouts/main.hbs unless `layout` says otherwise), templates compiled once.
 * (express-handlebars 8+ needs Node 22; this is the little of it that Plan B uses.)
 */
export function createViewEngine(viewsDir: string) {
  const hbs = Handlebars.create();
  hbs.registerHelper(helpers);
  for (const file of listTemplates(join(viewsDir, 'partials'))) {
    const name = relative(join(viewsDir, 'partials'), file).slice(0, -extname(file).length);
    hbs.registerPartial(name, readFileSync(file, 'utf8'));
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const template = (file: string) => {
    let t = compiled.get(file);
    if (!t) compiled.set(file, (t = hbs.compile(readFileSync(file, 'utf8'), { preventIndent: true })));
    return t;
  };

  return function render(file: string, options: object, callback: (error: unknown, html?: string) => void) {
    try {
      const data = options as Record<string, unknown> & { layout?: string | false };
      const body = template(file)(data);
      if (data.layout === false) return callback(null, body);
      const layout = join(viewsDir, 'layouts', `${data.layout ?? 'main'}.hbs`);
      callback(null, template(layout)({ ...data, body }));
    } catch (error) {
      callback(error);
    }
  };
}

function listTemplates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listTemplates(join(dir, d.name)) : d.name.endsWith('.hbs') ? [join(dir, d.name)] : [],
  );
}

