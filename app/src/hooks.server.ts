import { sequence } from '@sveltejs/kit/hooks';
import { i18n } from '$lib/server/i18n';
import { securityHeaders } from '$lib/server/security-headers';

// Security headers run outermost so they also land on the language redirects made by `i18n`.
export const handle = sequence(securityHeaders, i18n);
