import { sequence } from '@sveltejs/kit/hooks';
import { authentication } from '$lib/server/authentication';
import { i18n } from '$lib/server/i18n';
import { securityHeaders } from '$lib/server/security-headers';

// Security headers run outermost so they also land on the language redirects made by `i18n`;
// authentication runs inside `i18n`, so its redirect to the login page keeps the language.
export const handle = sequence(securityHeaders, i18n, authentication);
