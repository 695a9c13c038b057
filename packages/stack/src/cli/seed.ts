/** `npm run seed`: creates the demo data through a running gateway (first start does this itself). */
import { DEFAULT_PORTS } from '@rg/kit';
import { seedDemoData } from '../demo';

const url = process.env.GATEWAY_URL ?? `http://localhost:${DEFAULT_PORTS.gateway}/graphql`;
seedDemoData(url)
  .then((created) => console.log(created ? 'Demo data created.' : 'Customers exist already: nothing seeded.'))
  .catch((err) => {
    console.error(`Seeding failed: ${(err as Error).message}`);
    process.exit(1);
  });
