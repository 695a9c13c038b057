import { CreateCustomerSchema1764000000000 } from './1764000000000-CreateCustomerSchema';

export const migrations = [CreateCustomerSchema1764000000000];
