import { appendEvent, forbidden, inTenant, invariant, newId, notFound, parseId, requireRole, requireTenant } from '@jobgraph/kit';
import { insertCompany, lockCompany, updateCompanyRow } from '../db/company-writes.ts';
import { parseCompanyInput, type CompanyInput } from '../domain/company-input.ts';
import { toCompanySnapshot } from '../domain/snapshots.ts';
import type { JobsContext } from './context.ts';

export const companyMutations = {
  createCompany: async (_: unknown, args: { input: CompanyInput }, ctx: JobsContext) => {
    const viewer = requireRole(ctx, 'EMPLOYER', 'ADMIN');
    const tenant = requireTenant(ctx);
    const { name, ...values } = parseCompanyInput(args.input, new Date());
    invariant(name !== undefined, 'CreateCompanyInput.name is non-null in the schema.');
    return inTenant(ctx.db, tenant.id, async (trx) => {
      const company = await insertCompany(trx, { tenant_id: tenant.id, id: newId(), owner_id: viewer.userId, name, ...values });
      await appendEvent(trx, { type: 'company.created', tenantId: tenant.id, aggregateId: company.id, payload: toCompanySnapshot(company) });
      return company;
    });
  },

  updateCompany: async (_: unknown, args: { id: string; input: CompanyInput }, ctx: JobsContext) => {
    const viewer = requireRole(ctx, 'EMPLOYER', 'ADMIN');
    const tenant = requireTenant(ctx);
    const id = parseId(args.id, 'id');
    const values = parseCompanyInput(args.input, new Date());
    if (values.is_verified !== undefined && viewer.role !== 'ADMIN') {
      throw forbidden('Only an ADMIN may set isVerified; leave it out of the input.', { field: 'isVerified' });
    }
    return inTenant(ctx.db, tenant.id, async (trx) => {
      const existing = await lockCompany(trx, tenant.id, id);
      if (!existing) throw notFound(`Company "${id}" does not exist in this tenant; check the id.`);
      if (viewer.role !== 'ADMIN' && existing.owner_id !== viewer.userId) {
        throw forbidden(`Company "${id}" belongs to another employer; only its owner or an ADMIN may update it.`);
      }
      const company = await updateCompanyRow(trx, tenant.id, id, values);
      const changedFields = Object.keys(args.input).filter((field) => args.input[field as keyof CompanyInput] !== undefined);
      await appendEvent(trx, {
        type: 'company.updated',
        tenantId: tenant.id,
        aggregateId: company.id,
        payload: { ...toCompanySnapshot(company), changedFields },
      });
      return company;
    });
  },
};
