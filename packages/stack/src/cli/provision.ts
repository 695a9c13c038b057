/** Creates the subgraph roles and schemas and the platform tables in DATABASE_URL (idempotent). */
import { provisionDatabase } from '@rg/kit';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to a user that may create roles');
  process.exit(2);
}
provisionDatabase(url)
  .then(() => console.log('database provisioned'))
  .catch((err) => {
    console.error(`provisioning failed: ${(err as Error).message}`);
    process.exit(1);
  });
