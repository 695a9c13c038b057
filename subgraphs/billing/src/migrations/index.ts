import { CreateBillingSchema1764000000000 } from './1764000000000-CreateBillingSchema';

export const migrations = [CreateBillingSchema1764000000000];
