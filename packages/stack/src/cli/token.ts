/** `npm run token -- --role finance [--sub user-1] [--partner p1] [--expires 12h]`: prints a development token. */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@rg/kit';
import { signDevToken } from '@rg/gateway';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: ['admin'] },
    sub: { type: 'string' },
    partner: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});
const roles = values.role as string[];
const unknown = roles.filter((r) => !ROLES.includes(r as Role));
if (unknown.length) {
  console.error(`Unknown role ${unknown.join(', ')}. Roles: ${ROLES.join(', ')}`);
  process.exit(2);
}
if (roles.includes('partner') && !values.partner) {
  console.error('A partner token needs --partner <partnerId>');
  process.exit(2);
}
signDevToken(
  { sub: values.sub ?? `${roles[0]}-user`, roles: roles as Role[], partnerId: values.partner },
  { expiresIn: values.expires },
).then((token) => console.log(token));
