import type { ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { authentication } from '$lib/server/authentication';
import { appConfig } from '$lib/server/config';
import { i18n } from '$lib/server/i18n';
import { privateCaching } from '$lib/server/private-caching';
import { securityHeaders } from '$lib/server/security-headers';

// Security headers run outermost so they also land on the language redirects made by `i18n` and
// the login redirect of `authentication`; authentication runs inside `i18n`, so its redirect to the
// login page keeps the language; `privateCaching` needs the user that authentication resolved.
// A bad environment stops the app at start, with a message naming the variable.
export const init: ServerInit = () => {
  appConfig();
};

export const handle = sequence(securityHeaders, i18n, authentication, privateCaching);
