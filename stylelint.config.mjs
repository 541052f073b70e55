// npm run lint:css: public/style.css keeps its shape (see the comment at its top).
/** @type {import('stylelint').Config} */
export default {
  extends: ['stylelint-config-standard'],
  plugins: ['stylelint-value-no-unknown-custom-properties'],
  reportDescriptionlessDisables: true,
  reportInvalidScopeDisables: true,
  reportNeedlessDisables: true,
  rules: {
    // Each selector once, each property once per rule: a component's rules stay in one place.
    'no-duplicate-selectors': true,
    'declaration-block-no-duplicate-properties': true,
    // Rules are grouped by component, not sorted by specificity.
    'no-descending-specificity': null,
    // No rule inside a rule (an unclosed brace shows up as this or as a syntax error); media blocks hold rules.
    'max-nesting-depth': [0, { ignoreAtRules: ['media'] }],
    // Colours only through the tokens: no hex, no colour function, no named colour outside `:root`
    // (the tokens block switches the first two off for itself, and only there).
    'color-no-hex': true,
    'color-named': 'never',
    'function-disallowed-list': ['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color'],
    // Every var(--x) names a token that exists (a misspelt one silently falls back to nothing).
    'csstools/value-no-unknown-custom-properties': true,
    // Class names are BEM: block__element--modifier (whatToSay and changes_requested come from the data).
    'selector-class-pattern': ['^[a-z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*(__[a-z][a-zA-Z0-9-]*)?(--[a-zA-Z0-9_-]+)?$', { message: 'Class names are block__element--modifier' }],
    // The sheet's layout: one-line rules side by side, queries as max-width.
    'rule-empty-line-before': null,
    'comment-empty-line-before': null,
    'media-feature-range-notation': 'prefix',
    'declaration-block-single-line-max-declarations': null,
    // The entry page's grid reads better as columns, areas and rows than as one grid-template.
    'declaration-block-no-redundant-longhand-properties': [true, { ignoreShorthands: ['grid-template'] }],
    // Kept on purpose: `clip` in the visually-hidden pattern, the prefix iOS Safari still needs.
    'property-no-deprecated': [true, { ignoreProperties: ['clip'] }],
    'property-no-vendor-prefix': [true, { ignoreProperties: ['-webkit-text-size-adjust'] }],
  },
};
