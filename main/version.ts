// The app's version as the bundles know it (scripts/build-node.mjs and electron-vite define it);
// run from sources (tests), it says so rather than guess.
export const appVersion: string = process.env.WDT_BULK_VERSION ?? '0.0.0-dev';
