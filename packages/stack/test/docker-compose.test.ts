import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_PORTS, SERVICES } from '@rg/kit';
import { REPO_ROOT } from '../src/paths';

/** There is no Docker engine here: the production shape is checked by reading the file. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
  const services = compose.services as Record<string, any>;

  test('has PostgreSQL, a provisioner, the five subgraphs, two gateway replicas and a load balancer', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['postgres', 'provision', ...SERVICES, 'gateway-1', 'gateway-2', 'load-balancer'].sort(),
    );
    expect(services.postgres.image).toMatch(/^postgres:\d+/);
    expect(services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(compose.volumes).toHaveProperty('pgdata');
  });

  test('every service of ours builds from the Dockerfile and runs its own entry point', () => {
    expect(existsSync(join(REPO_ROOT, services.customer.build.dockerfile))).toBe(true);
    for (const name of [...SERVICES, 'gateway-1', 'gateway-2', 'provision']) {
      expect(services[name].build.context).toBe('.');
      expect(services[name].image).toBe('revenue-graph:latest');
    }
    for (const s of SERVICES) {
      expect(services[s].command).toEqual(['node', '--import', 'tsx', `subgraphs/${s}/src/main.ts`]);
      expect(existsSync(join(REPO_ROOT, `subgraphs/${s}/src/main.ts`))).toBe(true);
    }
    expect(services['gateway-1'].command).toEqual(['node', '--import', 'tsx', 'gateway/src/main.ts']);
  });

  test('subgraphs connect with their own role, on their own port, after provisioning', () => {
    for (const s of SERVICES) {
      const env = services[s].environment;
      expect(env.PORT).toBe(String(DEFAULT_PORTS[s]));
      expect(env.SERVICE_DATABASE_URL).toMatch(new RegExp(`^postgres://${s}_svc:.*@postgres:5432/revenue_graph$`));
      expect(env.NODE_ENV).toBe('production');
      expect(services[s].depends_on.provision.condition).toBe('service_completed_successfully');
      expect(services[s].healthcheck.test.join(' ')).toContain(`:${DEFAULT_PORTS[s]}/ready`);
    }
    expect(services.provision.depends_on.postgres.condition).toBe('service_healthy');
  });

  test('both gateway replicas know every subgraph and wait for them to be healthy', () => {
    for (const g of ['gateway-1', 'gateway-2']) {
      const env = services[g].environment;
      for (const s of SERVICES) {
        expect(env[`${s.toUpperCase()}_URL`]).toBe(`http://${s}:${DEFAULT_PORTS[s]}/graphql`);
        expect(services[g].depends_on[s].condition).toBe('service_healthy');
      }
      expect(env.GATEWAY_DATABASE_URL).toMatch(/^postgres:\/\/gateway_svc:/);
      expect(env.JWT_SECRET).toBeDefined();
    }
    expect(services['load-balancer'].ports).toEqual(['4000:4000']);
    const nginx = readFileSync(join(REPO_ROOT, 'packages/stack/deploy/nginx.conf'), 'utf8');
    expect(nginx).toContain('server gateway-1:4000');
    expect(nginx).toContain('server gateway-2:4000');
    expect(nginx).toContain('Upgrade $http_upgrade');
  });
});
