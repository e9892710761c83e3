// The version of quota-keys, as in package.json (a test keeps them equal; the release workflow
// refuses a tag that differs). A constant, so the bundles need no package.json at run time.
export const VERSION = '0.1.0';
