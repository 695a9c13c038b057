import { CreateCustomerSchema1764000000000 } from './1764000000000-CreateCustomerSchema';
import { CreateNodeOwner1764100000000 } from './1764100000000-CreateNodeOwner';

export const migrations = [CreateCustomerSchema1764000000000, CreateNodeOwner1764100000000];
