import { readFileSync } from 'node:fs';
import stylelint from 'stylelint';
import { describe, expect, it } from 'vitest';

// `npm run lint:css` holds public/style.css to its shape. These check that the configuration keeps
// its teeth: the sheet passes, and each kind of breakage it is there to catch makes it fail.
const sheet = readFileSync('public/style.css', 'utf8');

/** The rules (or syntax error) stylelint reports for the sheet with `from` replaced by `to`. */
async function problems(from = '', to = ''): Promise<string[]> {
  expect(from === '' || sheet.split(from).length === 2, `"${from}" occurs once in the sheet`).toBe(true);
  const code = from ? sheet.replace(from, to) : sheet;
  const { results } = await stylelint.lint({ code, codeFilename: 'public/style.css' });
  return results.flatMap((result) => result.warnings.map((warning) => warning.rule));
}

const component = '.gap__query { font-size: 18px; font-weight: 600; }';

describe('the style sheet lint', () => {
  it('passes the sheet as it is', async () => {
    expect(await problems()).toEqual([]);
  });

  it('refuses a raw colour outside the tokens, in any notation', async () => {
    expect(await problems(component, '.gap__query { font-size: 18px; font-weight: 600; color: #123456; }')).toEqual(['color-no-hex']);
    expect(await problems(component, '.gap__query { font-size: 18px; font-weight: 600; color: red; }')).toEqual(['color-named']);
    expect(await problems(component, '.gap__query { font-size: 18px; color: rgb(0 0 0 / 50%); }')).toEqual(['function-disallowed-list']);
    expect(await problems(component, '.gap__query { --gap-ink: #123456; font-size: 18px; }')).toEqual(['color-no-hex']);
  });

  it('refuses a token that does not exist', async () => {
    expect(await problems(component, '.gap__query { font-size: 18px; color: var(--inc); }')).toEqual(['csstools/value-no-unknown-custom-properties']);
  });

  it('refuses a selector styled in two places and a property set twice', async () => {
    expect(await problems(component, `${component}\n.tag { color: var(--ink); }`)).toEqual(['no-duplicate-selectors']);
    expect(await problems(component, '.gap__query { font-size: 18px; font-weight: 600; font-size: 19px; }')).toEqual(['declaration-block-no-duplicate-properties']);
  });

  // The regression the old brace-counting test was written for: a merge dropped the closing brace of
  // a media query, and every rule after it silently stopped applying on wide screens.
  it('refuses an unclosed block and a rule inside a rule', async () => {
    const media = '  .find-match { grid-template-columns: 1fr; gap: var(--space-2); }\n}';
    expect(await problems(media, '  .find-match { grid-template-columns: 1fr; gap: var(--space-2); }\n')).toEqual(['CssSyntaxError']);
    expect(await problems(component, '.gap__query { font-size: 18px;\n.gap__stats { color: var(--muted); }\n}')).toContain('max-nesting-depth');
  });
});
