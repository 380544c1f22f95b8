import { chromiumLaunchOptions } from '../../tools/chromium';

/** A made-up origin for the course pages that frame the lab; Playwright serves them with `page.route`. */
export const HOST = 'http://host.test';

/**
 * Launch options for tests whose course page frames the lab: Chromium blocks a "public" page (the
 * made-up origin) from framing a loopback one. Real course pages and labs are both public, so the
 * check is only in the way here. Use as `test.use({ launchOptions: framingLaunchOptions })`.
 */
export const framingLaunchOptions = {
  ...chromiumLaunchOptions,
  args: [...chromiumLaunchOptions.args, '--disable-features=LocalNetworkAccessChecks'],
};
