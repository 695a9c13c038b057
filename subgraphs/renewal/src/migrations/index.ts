import { CreateRenewalSchema1764000000000 } from './1764000000000-CreateRenewalSchema';

export const migrations = [CreateRenewalSchema1764000000000];
