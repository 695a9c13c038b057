import { CreateContractSchema1764000000000 } from './1764000000000-CreateContractSchema';

export const migrations = [CreateContractSchema1764000000000];
